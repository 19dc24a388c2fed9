/* options.c - the option table's parser, --help writer and man page writer
 * (options.h says what each does and the form of the texts). */
#include "options.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Formats into a caller's buffer that may be NULL or empty. */
#define SAY(buf, len, ...)                                                                         \
    do {                                                                                           \
        if ((buf) && (len)) snprintf((buf), (len), __VA_ARGS__);                                   \
    } while (0)

/* ---- the table ---- */

bool cli_command_takes(const cli_command *cmd, const cli_option *o) {
    return cmd->id >= 0 && cmd->id < 32 && (o->commands & CLI_CMD_BIT(cmd->id)) != 0;
}

/* Whether the string `s` (may be NULL) is `name`, of `len` bytes and not
 * NUL-terminated. */
static bool is_name(const char *s, const char *name, size_t len) {
    return s && strlen(s) == len && memcmp(s, name, len) == 0;
}

/* The command named by the `len` bytes at `name`, or NULL. */
static const cli_command *find_command_n(const cli_table *t, const char *name, size_t len) {
    for (size_t i = 0; i < t->ncommands; i++)
        if (is_name(t->commands[i].name, name, len)) return &t->commands[i];
    return NULL;
}

const cli_command *cli_find_command(const cli_table *t, const char *name) {
    return find_command_n(t, name, strlen(name));
}

/* Whether `name` (not NUL-terminated: `len` bytes) is the long name or the
 * alias of `o`. */
static bool long_name_is(const cli_option *o, const char *name, size_t len) {
    return is_name(o->long_name, name, len) || is_name(o->alias, name, len);
}

static const cli_option *find_long(const cli_table *t, const cli_command *cmd, const char *name,
                                   size_t len) {
    for (size_t i = 0; i < t->noptions; i++)
        if (cli_command_takes(cmd, &t->options[i]) && long_name_is(&t->options[i], name, len))
            return &t->options[i];
    return NULL;
}

static const cli_option *find_short(const cli_table *t, const cli_command *cmd, char c) {
    for (size_t i = 0; i < t->noptions; i++)
        if (cli_command_takes(cmd, &t->options[i]) && t->options[i].short_name == c)
            return &t->options[i];
    return NULL;
}

/* ---- the parser ---- */

/* The index of `value` in the choices "a|b|c", or -1. */
static int choice_index(const char *choices, const char *value) {
    int index = 0;
    for (const char *p = choices;; index++) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (is_name(value, p, len)) return index;
        if (!bar) return -1;
        p = bar + 1;
    }
}

/* "unknown format 'xml' for --format (jsonl or tsv)": the noun is the
 * option's placeholder in lower case, the choices are listed as in prose. */
static void say_bad_choice(const cli_option *o, const char *spelled, const char *value, char *err,
                           size_t errlen) {
    if (!err || !errlen) return;
    char noun[32];
    size_t n = 0;
    for (const char *p = o->arg; *p && n + 1 < sizeof noun; p++)
        noun[n++] = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
    noun[n] = '\0';
    char list[256];
    size_t used = 0, count = 1;
    for (const char *p = o->choices; *p; p++)
        count += *p == '|';
    const char *p = o->choices;
    for (size_t k = 0; k < count && used < sizeof list; k++) {
        const char *bar = strchr(p, '|');
        int len = bar ? (int)(bar - p) : (int)strlen(p);
        const char *sep = k == 0 ? "" : k + 1 == count ? " or " : ", ";
        int w = snprintf(list + used, sizeof list - used, "%s%.*s", sep, len, p);
        used += w > 0 ? (size_t)w : 0;
        p = bar ? bar + 1 : p;
    }
    snprintf(err, errlen, "unknown %s '%s' for %s (%s)", noun, value, spelled, list);
}

static cli_parse_status add_option(cli_args *args, size_t *cap, const cli_option *o,
                                   const char *spelled, const char *value, char *err,
                                   size_t errlen) {
    int choice = -1;
    if (o->choices && value) {
        choice = choice_index(o->choices, value);
        if (choice < 0) {
            say_bad_choice(o, spelled, value, err, errlen);
            return CLI_PARSE_USAGE;
        }
    }
    if (args->noptions == *cap) {
        size_t grown = *cap ? 2 * *cap : 8;
        cli_opt_value *v = realloc(args->options, grown * sizeof *v);
        if (!v) {
            SAY(err, errlen, "out of memory");
            return CLI_PARSE_NOMEM;
        }
        args->options = v;
        *cap = grown;
    }
    cli_opt_value *v = &args->options[args->noptions++];
    v->option = o;
    v->value = value;
    v->choice = choice;
    snprintf(v->spelled, sizeof v->spelled, "%s", spelled);
    return CLI_PARSE_OK;
}

/* --name, --name=value, --name value; *i moves past a value taken from the
 * next argument. */
static cli_parse_status parse_long(const cli_table *t, const cli_command *cmd, int argc,
                                   char *const *argv, int *i, cli_args *args, size_t *cap,
                                   char *err, size_t errlen) {
    const char *arg = argv[*i], *name = arg + 2;
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    const cli_option *o = len <= CLI_LONG_NAME_MAX ? find_long(t, cmd, name, len) : NULL;
    if (!o) {
        SAY(err, errlen, "unknown option '%.*s'", len ? (int)(len + 2) : (int)strlen(arg), arg);
        return CLI_PARSE_USAGE;
    }
    char spelled[CLI_LONG_NAME_MAX + 3];
    snprintf(spelled, sizeof spelled, "--%.*s", (int)len, name);
    const char *value = NULL;
    if (!o->arg) {
        if (eq) {
            SAY(err, errlen, "%s takes no value", spelled);
            return CLI_PARSE_USAGE;
        }
    } else if (eq) {
        value = eq + 1;
    } else if (*i + 1 < argc) {
        value = argv[++*i];
    } else {
        SAY(err, errlen, "%s needs a value", spelled);
        return CLI_PARSE_USAGE;
    }
    return add_option(args, cap, o, spelled, value, err, errlen);
}

/* -x, -xVALUE, -x VALUE and bundles: flags, then at most one option that
 * takes the rest of the bundle or the next argument as its value. */
static cli_parse_status parse_short(const cli_table *t, const cli_command *cmd, int argc,
                                    char *const *argv, int *i, cli_args *args, size_t *cap,
                                    char *err, size_t errlen) {
    const char *arg = argv[*i];
    for (size_t k = 1; arg[k]; k++) {
        unsigned char c = (unsigned char)arg[k];
        const cli_option *o = c < 0x80 ? find_short(t, cmd, (char)c) : NULL;
        if (!o) {
            /* a byte of a multi-byte character would make no sense alone */
            if (c < 0x80)
                SAY(err, errlen, "unknown option '-%c'", c);
            else
                SAY(err, errlen, "unknown option '%s'", arg);
            return CLI_PARSE_USAGE;
        }
        char spelled[3] = {'-', (char)c, '\0'};
        if (!o->arg) {
            cli_parse_status st = add_option(args, cap, o, spelled, NULL, err, errlen);
            if (st != CLI_PARSE_OK) return st;
            continue;
        }
        const char *value = NULL;
        if (arg[k + 1]) {
            value = arg + k + 1;
        } else if (*i + 1 < argc) {
            value = argv[++*i];
        } else {
            SAY(err, errlen, "%s needs a value", spelled);
            return CLI_PARSE_USAGE;
        }
        return add_option(args, cap, o, spelled, value, err, errlen);
    }
    return CLI_PARSE_OK;
}

cli_parse_status cli_parse(const cli_table *t, const cli_command *cmd, int argc, char *const *argv,
                           unsigned flags, cli_args *args, char *err, size_t errlen) {
    memset(args, 0, sizeof *args);
    SAY(err, errlen, "%s", "");
    size_t cap = 0;
    /* every argument but argv[0] may be a positional: one allocation is enough */
    args->positionals = calloc(argc > 1 ? (size_t)argc : 1, sizeof *args->positionals);
    if (!args->positionals) {
        SAY(err, errlen, "out of memory");
        return CLI_PARSE_NOMEM;
    }
    args->rest_index = argc > 0 ? argc : 0;
    bool options_ended = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (options_ended || arg[0] != '-' || arg[1] == '\0') {
            if (!args->npositionals) args->rest_index = i;
            args->positionals[args->npositionals++] = arg;
            if (flags & CLI_PARSE_STOP_AT_POSITIONAL) options_ended = true;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            options_ended = true;
            continue;
        }
        cli_parse_status st = arg[1] == '-'
                                  ? parse_long(t, cmd, argc, argv, &i, args, &cap, err, errlen)
                                  : parse_short(t, cmd, argc, argv, &i, args, &cap, err, errlen);
        if (st != CLI_PARSE_OK) return st;
    }
    return CLI_PARSE_OK;
}

void cli_args_free(cli_args *args) {
    free(args->options);
    free((void *)args->positionals);
    memset(args, 0, sizeof *args);
}

const cli_opt_value *cli_args_last(const cli_args *args, int id) {
    for (size_t i = args->noptions; i-- > 0;)
        if (args->options[i].option->id == id) return &args->options[i];
    return NULL;
}

size_t cli_args_count(const cli_args *args, int id) {
    size_t n = 0;
    for (size_t i = 0; i < args->noptions; i++)
        n += args->options[i].option->id == id;
    return n;
}

/* ---- texts: blocks, widths, wrapping ---- */

typedef enum { BLOCK_PARAGRAPH, BLOCK_LITERAL, BLOCK_TAGGED } block_kind;

typedef struct block {
    const char *start;
    size_t len; /* without the newline that ends its last line */
    block_kind kind;
} block;

/* The next block of the text at *p (blocks are separated by blank lines);
 * false at the end of the text. */
static bool next_block(const char **p, block *b) {
    const char *s = *p;
    while (*s == '\n')
        s++;
    if (!*s) return false;
    const char *end = strstr(s, "\n\n");
    if (!end) end = s + strlen(s);
    b->start = s;
    b->len = (size_t)(end - s);
    while (b->len && b->start[b->len - 1] == '\n')
        b->len--;
    bool literal = true, tagged = true;
    for (const char *line = s; line < s + b->len;) {
        const char *nl = memchr(line, '\n', (size_t)(s + b->len - line));
        const char *line_end = nl ? nl : s + b->len;
        literal = literal && line_end - line >= 2 && line[0] == ' ' && line[1] == ' ';
        tagged = tagged && memchr(line, '\t', (size_t)(line_end - line)) != NULL;
        line = line_end + 1;
    }
    b->kind = literal ? BLOCK_LITERAL : tagged ? BLOCK_TAGGED : BLOCK_PARAGRAPH;
    *p = end;
    return true;
}

/* The line of a block that starts at `line`: its length, and where the next
 * starts (`end` when none). */
static size_t line_length(const char *line, const char *end, const char **next) {
    const char *nl = memchr(line, '\n', (size_t)(end - line));
    *next = nl ? nl + 1 : end;
    return (size_t)((nl ? nl : end) - line);
}

/* Width in characters of UTF-8 text: every byte but continuation bytes. */
static size_t text_width(const char *s, size_t len) {
    size_t w = 0;
    for (size_t i = 0; i < len; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

static void spaces(FILE *out, size_t n) {
    while (n--)
        fputc(' ', out);
}

/* Writes text for --help: a no-break space (see options.h) is a space there. */
static void put_text(FILE *out, const char *s, size_t len) {
    const char *end = s + len;
    for (const char *nbsp; (nbsp = memchr(s, '\xC2', (size_t)(end - s))) != NULL;) {
        bool is_nbsp = end - nbsp >= 2 && (unsigned char)nbsp[1] == 0xA0;
        fwrite(s, 1, (size_t)(nbsp - s), out);
        if (is_nbsp)
            fputc(' ', out);
        else
            fputc('\xC2', out);
        s = nbsp + (is_nbsp ? 2 : 1);
    }
    fwrite(s, 1, (size_t)(end - s), out);
}

/* Words written one after another, each line filled up to CLI_HELP_WIDTH
 * columns; continuation lines start at `indent`. */
typedef struct wrap {
    FILE *out;
    size_t col;    /* the column the next character goes to */
    size_t indent; /* of continuation lines */
    bool words;    /* a word is on the current line */
} wrap;

static void wrap_words(wrap *w, const char *text, size_t len) {
    const char *end = text + len;
    for (const char *p = text; p < end;) {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\t'))
            p++;
        const char *word = p;
        while (p < end && *p != ' ' && *p != '\n' && *p != '\t')
            p++;
        if (p == word) break;
        size_t ww = text_width(word, (size_t)(p - word));
        if (w->words && w->col + 1 + ww > CLI_HELP_WIDTH) {
            fputc('\n', w->out);
            spaces(w->out, w->indent);
            w->col = w->indent;
            w->words = false;
        }
        if (w->words) {
            fputc(' ', w->out);
            w->col++;
        }
        put_text(w->out, word, (size_t)(p - word));
        w->col += ww;
        w->words = true;
    }
}

/* "  TERM  text wrapped beside the term": the text starts at `column`, or on
 * the next line when the term reaches into it. */
static void write_item(FILE *out, size_t indent, const char *term, size_t term_len, size_t column,
                       const char *text, size_t text_len, const char *suffix) {
    spaces(out, indent);
    put_text(out, term, term_len);
    size_t col = indent + text_width(term, term_len);
    if (col + 2 > column) {
        fputc('\n', out);
        col = 0;
    }
    spaces(out, column - col);
    wrap w = {out, column, column, false};
    wrap_words(&w, text, text_len);
    if (suffix) wrap_words(&w, suffix, strlen(suffix));
    fputc('\n', out);
}

/* Texts are set off by two spaces from the widest term, but no further right
 * than this column: longer terms put their text on the next line. */
#define HELP_TEXT_COLUMN_MAX 32

static void help_blocks(FILE *out, const char *text, size_t indent) {
    block b;
    bool first = true;
    for (const char *p = text ? text : ""; next_block(&p, &b); first = false) {
        if (!first) fputc('\n', out);
        const char *end = b.start + b.len, *next;
        if (b.kind == BLOCK_PARAGRAPH) {
            spaces(out, indent);
            wrap w = {out, indent, indent, false};
            wrap_words(&w, b.start, b.len);
            fputc('\n', out);
        } else if (b.kind == BLOCK_LITERAL) {
            put_text(out, b.start, b.len);
            fputc('\n', out);
        } else {
            size_t widest = 0;
            for (const char *line = b.start; line < end; line = next) {
                line_length(line, end, &next);
                size_t tw = text_width(line, (size_t)((const char *)strchr(line, '\t') - line));
                if (tw > widest) widest = tw;
            }
            size_t column = 2 + widest + 2;
            if (column > HELP_TEXT_COLUMN_MAX) column = HELP_TEXT_COLUMN_MAX;
            for (const char *line = b.start; line < end; line = next) {
                size_t len = line_length(line, end, &next);
                const char *tab = memchr(line, '\t', len);
                write_item(out, 2, line, (size_t)(tab - line), column, tab + 1,
                           len - (size_t)(tab + 1 - line), NULL);
            }
        }
    }
}

/* The options column of --help: "-j, --jobs N", "    --catalog, --metadata FILE". */
static void option_term(const cli_option *o, char *buf, size_t len) {
    char shortpart[8] = "    ";
    if (o->short_name)
        snprintf(shortpart, sizeof shortpart, "-%c%s", o->short_name, o->long_name ? ", " : "");
    snprintf(buf, len, "%s%s%s%s%s%s%s", shortpart, o->long_name ? "--" : "",
             o->long_name ? o->long_name : "", o->alias ? ", --" : "", o->alias ? o->alias : "",
             o->arg ? " " : "", o->arg ? o->arg : "");
}

#define REPEATABLE_NOTE "(repeatable)"

static void help_options(FILE *out, const cli_table *t, const cli_command *cmd) {
    char term[128];
    size_t widest = 0;
    bool any = false;
    for (size_t i = 0; i < t->noptions; i++) {
        if (!cli_command_takes(cmd, &t->options[i])) continue;
        any = true;
        option_term(&t->options[i], term, sizeof term);
        size_t w = text_width(term, strlen(term));
        /* a term too wide for the column has its text on the next line */
        if (w > widest && 2 + w + 2 <= HELP_TEXT_COLUMN_MAX) widest = w;
    }
    if (!any) return;
    fputs("\nOptions:\n", out);
    for (size_t i = 0; i < t->noptions; i++) {
        const cli_option *o = &t->options[i];
        if (!cli_command_takes(cmd, o)) continue;
        option_term(o, term, sizeof term);
        write_item(out, 2, term, strlen(term), 2 + widest + 2, o->help, strlen(o->help),
                   o->flags & CLI_OPT_REPEATABLE ? REPEATABLE_NOTE : NULL);
    }
}

/* "Usage: citegraph path FROM TO PATH...", "   or: citegraph path --pairs FILE PATH...". */
static void help_usage(FILE *out, const cli_table *t, const cli_command *cmd) {
    const char *s = cmd->synopsis ? cmd->synopsis : "";
    bool first = true;
    do {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        fprintf(out, "%s %s", first ? "Usage:" : "   or:", t->program->name);
        if (cmd != t->program) fprintf(out, " %s", cmd->name);
        if (len) fprintf(out, " %.*s", (int)len, s);
        fputc('\n', out);
        first = false;
        s = nl ? nl + 1 : NULL;
    } while (s && *s);
}

int cli_write_help(const cli_table *t, const cli_command *cmd, FILE *out) {
    help_usage(out, t, cmd);
    if (cmd->description) {
        fputc('\n', out);
        help_blocks(out, cmd->description, 0);
    }
    if (cmd == t->program && t->ncommands) {
        size_t widest = 0;
        for (size_t i = 0; i < t->ncommands; i++) {
            size_t w = strlen(t->commands[i].name);
            if (w > widest) widest = w;
        }
        fputs("\nCommands:\n", out);
        for (size_t i = 0; i < t->ncommands; i++) {
            const cli_command *c = &t->commands[i];
            const char *summary = c->summary ? c->summary : "";
            write_item(out, 2, c->name, strlen(c->name), 2 + widest + 2, summary, strlen(summary),
                       NULL);
        }
    }
    help_options(out, t, cmd);
    for (const cli_section *s = cmd->sections; s && s->title; s++) {
        fprintf(out, "\n%s:\n", s->title);
        help_blocks(out, s->text, 2);
    }
    if (cmd->exit_status) {
        fputs("\nExit status:\n", out);
        help_blocks(out, cmd->exit_status, 2);
    }
    return ferror(out) ? -1 : 0;
}

/* ---- man pages ---- */

/* How text is set: plain, or with option names in bold (prose), or with every
 * word in bold and placeholders in italics (synopses, option names). */
typedef enum { ROFF_PLAIN, ROFF_PROSE, ROFF_CODE } roff_style;

/* Input lines of the page are kept to this many bytes where a space allows. */
#define ROFF_LINE_MAX 79

/* Writes roff. Every character that roff could read otherwise is escaped;
 * characters beyond ASCII are written as \[uXXXX], so the page reads the same
 * whatever encoding roff assumes. Text is gathered into the current input line
 * and broken at the spaces between words, so that input lines stay short and a
 * new sentence starts a new line, as roff wants (it ends a sentence at the end
 * of a line, and only there). */
typedef struct roff {
    FILE *out;
    char line[1024]; /* the input line being made */
    size_t len;
    size_t space; /* where a space in `line` may become a line break; 0: nowhere */
} roff;

static void roff_flush_line(roff *r, size_t upto) {
    fwrite(r->line, 1, upto, r->out);
    fputc('\n', r->out);
}

/* Appends bytes to the current line; breaks it at its last allowed space
 * once it is too long. */
static void roff_put(roff *r, const char *s, size_t n) {
    if (r->len + n + 3 > sizeof r->line) { /* a line this long is not broken */
        fwrite(r->line, 1, r->len, r->out);
        fwrite(s, 1, n, r->out);
        r->len = 0;
        r->space = 0;
        return;
    }
    memcpy(r->line + r->len, s, n);
    r->len += n;
    if (r->len <= ROFF_LINE_MAX || !r->space) return;
    roff_flush_line(r, r->space);
    size_t rest = r->len - r->space - 1;
    /* a '.' at the start of the new line would start a request */
    bool dot = rest && r->line[r->space + 1] == '.';
    memmove(r->line + (dot ? 2 : 0), r->line + r->space + 1, rest);
    if (dot) memcpy(r->line, "\\&", 2);
    r->len = rest + (dot ? 2 : 0);
    r->space = 0;
}

static void roff_puts(roff *r, const char *s) {
    roff_put(r, s, strlen(s));
}

static void roff_newline(roff *r) {
    roff_flush_line(r, r->len);
    r->len = 0;
    r->space = 0;
}

/* A request on a line of its own, such as ".PP". */
static void roff_request(roff *r, const char *request) {
    if (r->len) roff_newline(r);
    roff_puts(r, request);
    roff_newline(r);
}

/* The code point of the UTF-8 sequence at s (at most `len` bytes); *used is
 * its length. An invalid byte is taken as U+FFFD. */
static uint32_t utf8_decode(const unsigned char *s, size_t len, size_t *used) {
    size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
    uint32_t cp = n == 4 ? s[0] & 0x07u : n == 3 ? s[0] & 0x0Fu : n == 2 ? s[0] & 0x1Fu : 0;
    if (n == 1 || n > len) {
        *used = 1;
        return 0xFFFD;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *used = 1;
            return 0xFFFD;
        }
        cp = cp << 6 | (s[i] & 0x3Fu);
    }
    *used = n;
    return cp;
}

/* Writes characters escaped; `hyphens` says whether '-' is written as \-,
 * what is typed (an option, a command) and so must stay an ASCII hyphen-minus
 * when copied from the page. */
static void roff_escaped(roff *r, const char *s, size_t len, bool hyphens) {
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        /* a '.' there would start a request; a '\'' is escaped anyway */
        if (r->len == 0 && c == '.') roff_puts(r, "\\&");
        size_t used = 1;
        switch (c) {
        case '\\':
            roff_puts(r, "\\e");
            break;
        case '-':
            roff_puts(r, hyphens ? "\\-" : "-");
            break;
        case '\'':
            roff_puts(r, "\\(aq");
            break;
        case '`':
            roff_puts(r, "\\(ga");
            break;
        case '"':
            roff_puts(r, "\\(dq");
            break;
        case '^':
            roff_puts(r, "\\(ha");
            break;
        case '~':
            roff_puts(r, "\\(ti");
            break;
        case '\t':
        case '\n':
            roff_puts(r, " ");
            break;
        default:
            if (c < 0x80) {
                roff_put(r, s + i, 1);
            } else {
                uint32_t cp = utf8_decode((const unsigned char *)s + i, len - i, &used);
                char esc[16];
                if (cp == 0xA0)
                    snprintf(esc, sizeof esc, "\\ "); /* roff's unbreakable space */
                else
                    snprintf(esc, sizeof esc, "\\[u%04X]", (unsigned)cp);
                roff_puts(r, esc);
            }
        }
        i += used;
    }
}

static void roff_chars(roff *r, const char *s, size_t len) {
    roff_escaped(r, s, len, true);
}

static bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

static bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A placeholder is written in capitals: FILE, GOLD_DIR, ID. */
static bool is_placeholder(const char *s, size_t len) {
    bool letter = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z')
            letter = true;
        else if (!(s[i] >= '0' && s[i] <= '9') && s[i] != '_')
            return false;
    }
    return letter;
}

/* The length of an option name at s ("-j", "--url-cache"), or 0. */
static size_t option_token(const char *s, size_t len) {
    size_t dashes = len > 1 && s[0] == '-' ? (s[1] == '-' ? 2 : 1) : 0;
    if (!dashes || dashes >= len || !is_letter(s[dashes])) return 0;
    size_t n = dashes;
    while (n < len && is_word_char(s[n]))
        n++;
    return n;
}

/* Text in a font; \% keeps roff from hyphenating it: a hyphen inside an
 * option name would look like one of its own. */
static void roff_font(roff *r, const char *font, const char *s, size_t len) {
    roff_puts(r, font);
    roff_puts(r, "\\%");
    roff_chars(r, s, len);
    roff_puts(r, "\\fR");
}

/* Whether the text before `end` ends a sentence: roff would take it so at the
 * end of a line, so only a new sentence may follow there. */
static bool ends_sentence(const char *start, const char *end) {
    while (end > start && (end[-1] == ')' || end[-1] == '"' || end[-1] == '\''))
        end--;
    return end > start && (end[-1] == '.' || end[-1] == '?' || end[-1] == '!');
}

/* Writes text in `style`; white space runs become one space, or a line break:
 * before a new sentence, and where the line grows too long. */
static void roff_text(roff *r, const char *s, size_t len, roff_style style) {
    const char *end = s + len;
    for (const char *p = s; p < end;) {
        if (*p == ' ' || *p == '\n' || *p == '\t') {
            const char *word = p;
            while (word < end && (*word == ' ' || *word == '\n' || *word == '\t'))
                word++;
            if (word < end && r->len) {
                bool sentence_end = ends_sentence(s, p);
                if (sentence_end && *word >= 'A' && *word <= 'Z') {
                    roff_newline(r);
                } else {
                    if (!sentence_end) r->space = r->len;
                    roff_puts(r, " ");
                }
            }
            p = word;
            continue;
        }
        size_t rest = (size_t)(end - p);
        bool token_start = p == s || !is_word_char(p[-1]);
        size_t opt = token_start && style != ROFF_PLAIN ? option_token(p, rest) : 0;
        if (opt) {
            roff_font(r, "\\fB", p, opt);
            p += opt;
            continue;
        }
        if (style == ROFF_CODE && is_word_char(*p)) {
            size_t n = 0;
            while (n < rest && is_word_char(p[n]))
                n++;
            roff_font(r, is_placeholder(p, n) ? "\\fI" : "\\fB", p, n);
            p += n;
            continue;
        }
        size_t used = 1;
        if ((unsigned char)*p >= 0x80) utf8_decode((const unsigned char *)p, rest, &used);
        roff_chars(r, p, used);
        p += used;
    }
}

/* An argument of a request, in double quotes. */
static void roff_quoted(roff *r, const char *s, bool hyphens) {
    roff_puts(r, " \"");
    roff_escaped(r, s ? s : "", s ? strlen(s) : 0, hyphens);
    roff_puts(r, "\"");
}

static void man_blocks(roff *r, const char *text) {
    block b;
    bool first = true;
    for (const char *p = text ? text : ""; next_block(&p, &b); first = false) {
        const char *end = b.start + b.len, *next;
        if (b.kind == BLOCK_PARAGRAPH) {
            if (!first) roff_request(r, ".PP");
            roff_text(r, b.start, b.len, ROFF_PROSE);
            roff_newline(r);
        } else if (b.kind == BLOCK_LITERAL) {
            if (!first) roff_request(r, ".PP");
            roff_request(r, ".RS 4");
            roff_request(r, ".nf");
            for (const char *line = b.start; line < end; line = next) {
                size_t len = line_length(line, end, &next);
                roff_chars(r, line + 2, len - 2); /* the block's own indent is .RS's */
                roff_newline(r);
            }
            roff_request(r, ".fi");
            roff_request(r, ".RE");
        } else {
            for (const char *line = b.start; line < end; line = next) {
                size_t len = line_length(line, end, &next);
                const char *tab = memchr(line, '\t', len);
                roff_request(r, ".TP");
                roff_font(r, "\\fB", line, (size_t)(tab - line));
                roff_newline(r);
                roff_text(r, tab + 1, len - (size_t)(tab + 1 - line), ROFF_PROSE);
                roff_newline(r);
            }
        }
    }
}

/* ".SH "EXIT STATUS"": on one line, where man-db's index looks for NAME. */
static void man_section(roff *r, const char *title) {
    char upper[64];
    size_t n = 0;
    for (const char *p = title; *p && n + 1 < sizeof upper; p++)
        upper[n++] = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
    upper[n] = '\0';
    if (r->len) roff_newline(r);
    roff_puts(r, ".SH");
    roff_quoted(r, upper, true);
    roff_newline(r);
}

int cli_man_page_name(const cli_table *t, const cli_command *cmd, char *buf, size_t len) {
    if (cmd == t->program) return snprintf(buf, len, "%s", t->program->name);
    return snprintf(buf, len, "%s-%s", t->program->name, cmd->name);
}

static void man_see_also(roff *r, const cli_table *t, const cli_command *cmd) {
    const cli_command *refs[64];
    size_t n = 0;
    if (cmd != t->program) refs[n++] = t->program;
    const char *s = cmd->see_also ? cmd->see_also : "";
    while (*s && n < sizeof refs / sizeof refs[0]) {
        while (*s == ' ')
            s++;
        size_t len = strcspn(s, " ");
        const cli_command *ref = len ? find_command_n(t, s, len) : NULL;
        if (ref) refs[n++] = ref;
        s += len;
    }
    if (!n) return;
    man_section(r, "See also");
    for (size_t i = 0; i < n; i++) {
        char name[128];
        cli_man_page_name(t, refs[i], name, sizeof name);
        roff_puts(r, ".BR ");
        roff_chars(r, name, strlen(name));
        roff_puts(r, i + 1 < n ? " (1)," : " (1)");
        roff_newline(r);
    }
}

static void man_synopsis(roff *r, const cli_table *t, const cli_command *cmd) {
    man_section(r, "Synopsis");
    const char *s = cmd->synopsis ? cmd->synopsis : "";
    bool first = true;
    do {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        if (!first) roff_request(r, ".br");
        char prog[128];
        snprintf(prog, sizeof prog, "%s%s%s", t->program->name, cmd == t->program ? "" : " ",
                 cmd == t->program ? "" : cmd->name);
        roff_font(r, "\\fB", prog, strlen(prog));
        if (len) {
            r->space = r->len;
            roff_puts(r, " ");
            roff_text(r, s, len, ROFF_CODE);
        }
        roff_newline(r);
        first = false;
        s = nl ? nl + 1 : NULL;
    } while (s && *s);
}

static void man_options(roff *r, const cli_table *t, const cli_command *cmd) {
    bool any = false;
    for (size_t i = 0; i < t->noptions; i++) {
        const cli_option *o = &t->options[i];
        if (!cli_command_takes(cmd, o)) continue;
        if (!any) man_section(r, "Options");
        any = true;
        roff_request(r, ".TP");
        char term[128];
        option_term(o, term, sizeof term);
        const char *tag = term;
        while (*tag == ' ')
            tag++; /* the column of --help means nothing here */
        roff_text(r, tag, strlen(tag), ROFF_CODE);
        roff_newline(r);
        roff_text(r, o->help, strlen(o->help), ROFF_PROSE);
        if (o->flags & CLI_OPT_REPEATABLE) {
            r->space = r->len;
            roff_puts(r, " ");
            roff_text(r, REPEATABLE_NOTE, strlen(REPEATABLE_NOTE), ROFF_PROSE);
        }
        roff_newline(r);
    }
}

static void man_commands(roff *r, const cli_table *t) {
    if (!t->ncommands) return;
    man_section(r, "Commands");
    for (size_t i = 0; i < t->ncommands; i++) {
        const cli_command *c = &t->commands[i];
        char name[128];
        cli_man_page_name(t, c, name, sizeof name);
        roff_request(r, ".TP");
        roff_font(r, "\\fB", name, strlen(name));
        roff_puts(r, "(1)");
        roff_newline(r);
        roff_text(r, c->summary ? c->summary : "", c->summary ? strlen(c->summary) : 0, ROFF_PROSE);
        roff_newline(r);
    }
}

int cli_write_man(const cli_table *t, const cli_command *cmd, const cli_man_info *info, FILE *out) {
    static const cli_man_info none = {NULL, NULL, NULL, NULL};
    if (!info) info = &none;
    /* the line buffer is large: on the heap, so any thread's stack will do */
    roff *r = calloc(1, sizeof *r);
    if (!r) return -1;
    r->out = out;
    char name[128], title[128];
    cli_man_page_name(t, cmd, name, sizeof name);
    size_t i = 0;
    for (; name[i]; i++)
        title[i] = name[i] >= 'a' && name[i] <= 'z' ? (char)(name[i] - 32) : name[i];
    title[i] = '\0';
    if (info->comment) {
        /* a comment needs no escapes: it only must not end its line early */
        roff_puts(r, ".\\\" ");
        roff_put(r, info->comment, strcspn(info->comment, "\n"));
        roff_newline(r);
    }
    roff_puts(r, ".TH");
    roff_quoted(r, title, true);
    roff_puts(r, " 1");
    /* a date as it is, so that man and mandoc can read it */
    roff_quoted(r, info->date, false);
    roff_quoted(r, info->source, true);
    roff_quoted(r, info->manual ? info->manual : "User Commands", true);
    roff_newline(r);

    man_section(r, "Name");
    roff_chars(r, name, strlen(name));
    roff_puts(r, " \\- ");
    roff_text(r, cmd->summary ? cmd->summary : "", cmd->summary ? strlen(cmd->summary) : 0,
              ROFF_PLAIN);
    roff_newline(r);

    man_synopsis(r, t, cmd);
    if (cmd->description) {
        man_section(r, "Description");
        man_blocks(r, cmd->description);
    }
    if (cmd == t->program) man_commands(r, t);
    man_options(r, t, cmd);
    for (const cli_section *s = cmd->sections; s && s->title; s++) {
        man_section(r, s->title);
        man_blocks(r, s->text);
    }
    if (cmd->exit_status) {
        man_section(r, "Exit status");
        man_blocks(r, cmd->exit_status);
    }
    man_see_also(r, t, cmd);
    free(r);
    return ferror(out) ? -1 : 0;
}

/* ---- checking the table ---- */

static bool valid_long_name(const char *name) {
    size_t len = strlen(name);
    if (!len || len > CLI_LONG_NAME_MAX || name[0] == '-' || name[len - 1] == '-') return false;
    for (const char *p = name; *p; p++)
        if (!is_word_char(*p) || *p == '_') return false;
    return true;
}

/* Whether rows a and b can be told apart by no name: they share one. */
static bool share_a_name(const cli_option *a, const cli_option *b) {
    const char *an[2] = {a->long_name, a->alias}, *bn[2] = {b->long_name, b->alias};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            if (an[i] && bn[j] && strcmp(an[i], bn[j]) == 0) return true;
    return a->short_name && a->short_name == b->short_name;
}

static int check_command(const cli_table *t, const cli_command *c, char *err, size_t errlen) {
    if (c->id < 0 || c->id >= 32 || !c->name || !*c->name) {
        SAY(err, errlen, "command %d: id must be 0 to 31 and it needs a name", c->id);
        return -1;
    }
    if (c != t->program) {
        if (t->program->id == c->id) {
            SAY(err, errlen, "command %s: the program's id", c->name);
            return -1;
        }
        for (const cli_command *d = t->commands; d < c; d++)
            if (d->id == c->id || strcmp(d->name, c->name) == 0) {
                SAY(err, errlen, "commands %s and %s share an id or a name", d->name, c->name);
                return -1;
            }
    }
    const char *s = c->see_also ? c->see_also : "";
    while (*s) {
        size_t len = strcspn(s, " ");
        if (len && !find_command_n(t, s, len)) {
            SAY(err, errlen, "command %s: see also '%.*s', which is no command", c->name, (int)len,
                s);
            return -1;
        }
        s += len;
        while (*s == ' ')
            s++;
    }
    return 0;
}

int cli_table_check(const cli_table *t, char *err, size_t errlen) {
    if (!t->program || check_command(t, t->program, err, errlen) != 0) {
        if (!t->program) SAY(err, errlen, "the table has no program");
        return -1;
    }
    for (size_t i = 0; i < t->ncommands; i++)
        if (check_command(t, &t->commands[i], err, errlen) != 0) return -1;
    unsigned long known = CLI_CMD_BIT(t->program->id);
    for (size_t i = 0; i < t->ncommands; i++)
        known |= CLI_CMD_BIT(t->commands[i].id);
    for (size_t i = 0; i < t->noptions; i++) {
        const cli_option *o = &t->options[i];
        const char *name = o->long_name ? o->long_name : "?";
        if (o->commands & ~known) {
            SAY(err, errlen, "option %s: taken by a command that is not in the table", name);
            return -1;
        }
        if ((!o->long_name && !o->short_name) || !o->help || !*o->help || !o->commands) {
            SAY(err, errlen, "option %d (%s): needs a name, a help text and a command", o->id,
                name);
            return -1;
        }
        if ((o->long_name && !valid_long_name(o->long_name)) ||
            (o->alias && (!o->long_name || !valid_long_name(o->alias))) ||
            (o->short_name && !is_letter(o->short_name) &&
             !(o->short_name >= '0' && o->short_name <= '9'))) {
            SAY(err, errlen, "option %s: a name is not of letters, digits and inner hyphens", name);
            return -1;
        }
        if (o->choices && (!o->arg || !*o->choices)) {
            SAY(err, errlen, "option %s: choices without a value", name);
            return -1;
        }
        for (size_t j = 0; j < i; j++) {
            const cli_option *p = &t->options[j];
            if (!share_a_name(o, p)) continue;
            if (o->commands & p->commands) {
                SAY(err, errlen, "option %s: two rows of one command share a name", name);
                return -1;
            }
            if (o->id != p->id || !o->arg != !p->arg) {
                SAY(err, errlen, "option %s: rows with a name in common differ in id or value",
                    name);
                return -1;
            }
        }
    }
    return 0;
}
