/* citegraph/export_macros.h - symbol visibility for the shared library. */
#ifndef CITEGRAPH_EXPORT_MACROS_H
#define CITEGRAPH_EXPORT_MACROS_H

#if defined(__GNUC__) || defined(__clang__)
#define CG_EXPORT __attribute__((visibility("default")))
#else
#define CG_EXPORT
#endif

#endif
