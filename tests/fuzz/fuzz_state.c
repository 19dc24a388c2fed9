/* fuzz_state.c - the findings `check --cache` keeps between runs
 * (DIR/check-state, src/check/state.c), read back by a check.
 *
 * Every block of a state carries a checksum, which a mutation would almost
 * always break; so the input is the blocks' contents and the target frames
 * them: the first byte is the set of report formats the blocks carry bytes
 * for (its low 7 bits), the rest the blocks, separated by "\n@@\n". The
 * state's first line, with the key of this configuration, is taken from a
 * state the library writes itself. Each document a block names with a key
 * is added as kept; the check is run and written in every format, with and
 * without source lines, and its state saved again: nothing may crash, leak
 * or read outside the file, whatever the blocks hold. */
/* memmem */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "citegraph/citegraph.h"
#include "fuzz.h"
#include "io/fields.h"
#include "util/util.h"

static volatile size_t sink;

/* The first line of a state of a check without catalogs or config. */
static int state_head(char *head, size_t cap) {
    char path[64];
    snprintf(path, sizeof path, "/tmp/cg-fuzz-state-%ld", (long)getpid());
    cg_check *c = NULL;
    int ok = cg_check_new(&c, NULL) == CG_OK && cg_check_open_state(c, path, NULL) == CG_OK &&
             cg_check_run(c, NULL) == CG_OK && cg_check_save_state(c, NULL) == CG_OK;
    cg_check_free(c);
    FILE *f = ok ? fopen(path, "rb") : NULL;
    ok = f && fgets(head, (int)cap, f) != NULL;
    if (f) fclose(f);
    unlink(path);
    return ok ? 0 : -1;
}

static int to_nothing(const char *data, size_t len, void *ctx) {
    (void)ctx;
    sink += len + (len ? (unsigned char)data[0] : 0);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char head[128];
    if (!head[0] && state_head(head, sizeof head) != 0) abort();
    if (size < 1) return 0;
    unsigned slots = data[0] & 0x7f;
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    /* the blocks, each framed with its length and checksum */
    cg_buf file = CG_BUF_INIT, body = CG_BUF_INIT;
    size_t nblocks = 0;
    const char *blocks[64];
    size_t lens[64];
    while (p <= end && nblocks < 64) {
        const char *sep = memmem(p, (size_t)(end - p), "\n@@\n", 4);
        const char *stop = sep ? sep : end;
        blocks[nblocks] = p;
        lens[nblocks++] = (size_t)(stop - p);
        if (!sep) break;
        p = sep + 4;
    }
    for (size_t i = 0; i < nblocks; i++) {
        char sum[33], frame[64];
        cgu_checksum_wide(blocks[i], lens[i], sum);
        snprintf(frame, sizeof frame, "B %zu %s\n", lens[i], sum);
        if (cgu_buf_puts(&body, frame) || cgu_buf_append(&body, blocks[i], lens[i])) abort();
    }
    char counts[64];
    snprintf(counts, sizeof counts, "%u %zu\n", slots, nblocks);
    if (cgu_buf_puts(&file, head) || cgu_buf_puts(&file, counts) ||
        cgu_buf_append(&file, body.data, body.len) || cgu_buf_puts(&file, "end\n"))
        abort();
    const char *path = fuzz_write_tmpfile((const uint8_t *)file.data, file.len);
    cg_buf_release(&file);
    if (!path) {
        cg_buf_release(&body);
        return 0;
    }
    cg_check *c = NULL;
    if (cg_check_new(&c, NULL) != CG_OK || cg_check_open_state(c, path, NULL) != CG_OK) abort();
    sink += strlen(cg_check_state_problem(c));
    /* every document a block names: its file and key, as the state reads them */
    for (size_t i = 0; i < nblocks; i++) {
        cgu_arena arena = {0};
        cgio_reader r = {blocks[i], blocks[i] + lens[i], true, &arena, 0};
        const char *name = NULL, *key = NULL;
        size_t record;
        if (cgio_get_str(&r, &name, 0) == 0 && cgio_get_num(&r, &record) == 0 &&
            cgio_get_str(&r, &key, 1) == 0 && name && key && cg_check_keeps(c, name, key))
            sink += cg_check_add_kept(c, name, key, NULL);
        cgu_arena_release(&arena);
    }
    if (cg_check_run(c, NULL) == CG_OK) {
        for (int f = CG_CHECK_TEXT; f <= CG_CHECK_MARKDOWN; f++)
            for (int source = 0; source < 2; source++)
                sink += cg_check_write_to(c, (cg_check_format)f, CG_SEV_NOTE, source, to_nothing,
                                          NULL, NULL);
        for (size_t i = 0; i < cg_check_count(c); i++)
            sink += strlen(cg_check_finding(c, i)->message);
        sink += cg_check_save_state(c, NULL);
    }
    cg_check_free(c);
    cg_buf_release(&body);
    return 0;
}
