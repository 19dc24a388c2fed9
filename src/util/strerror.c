/* strerror.c - the library's version and the text of its status codes
 * (citegraph/error.h, citegraph/version.h). */
#include "citegraph/error.h"
#include "citegraph/version.h"

const char *cg_strerror(cg_status st) {
    switch (st) {
    case CG_OK:
        return "success";
    case CG_ENOMEM:
        return "out of memory";
    case CG_EIO:
        return "input/output error";
    case CG_ELIMIT:
        return "a limit was reached";
    case CG_EINVAL:
        return "invalid argument";
    case CG_EPATTERN:
        return "invalid pattern";
    case CG_EBINARY:
        return "binary input";
    case CG_ENOTFILE:
        return "not a regular file";
    case CG_EFORMAT:
        return "malformed input";
    case CG_EGRAPH:
        return "graph error";
    case CG_EUNSUPPORTED:
        return "not supported by this build";
    case CG_ESTALE:
        return "results kept from an earlier run no longer hold";
    }
    return "unknown error";
}

const char *cg_version(void) {
    return CG_VERSION_STRING;
}
