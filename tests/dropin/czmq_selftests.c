/* czmq's own self-tests, which Debian's libczmq.so.4 exports (zsock_test,
 * zactor_test, ...), run on zmx through LD_LIBRARY_PATH: czmq's authors'
 * checks of everything czmq builds on libzmq, from actors and pollers to
 * zauth's PLAIN and CURVE policies, zproxy, zmonitor, zbeacon's udp and
 * zgossip. They read and write under src/selftest-ro and src/selftest-rw
 * of the working directory, which ctest makes.
 * Usage: czmq_selftests [--library DIR] NAME...: each NAME a self-test
 * below, run in that order; with --library, first checks that the
 * libzmq.so.5 loaded is the one in DIR. A failing self-test aborts the
 * process (czmq's selftests assert). */
#include "mapped_library.h"

#include <czmq.h>

#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    void (*run)(bool verbose);
} selftests[] = {
    {"zactor", zactor_test},   {"zframe", zframe_test},         {"zmsg", zmsg_test},
    {"zstr", zstr_test},       {"zsock", zsock_test},           {"zpoller", zpoller_test},
    {"zloop", zloop_test},     {"zmonitor", zmonitor_test},     {"zproxy", zproxy_test},
    {"zauth", zauth_test},     {"zcert", zcert_test},           {"zcertstore", zcertstore_test},
    {"zbeacon", zbeacon_test}, {"zgossip", zgossip_test},       {"zsys", zsys_test},
};

static int run_selftest(const char *name) {
    for (size_t i = 0; i < sizeof selftests / sizeof selftests[0]; i++) {
        if (strcmp(selftests[i].name, name) != 0)
            continue;
        printf("== %s_test\n", name);
        fflush(stdout);
        selftests[i].run(false);
        return 1;
    }
    fprintf(stderr, "FAIL no self-test named %s\n", name);
    return 0;
}

int main(int argc, char **argv) {
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "--library") == 0) {
        if (!libzmq_mapped_only_from(argv[2])) {
            fprintf(stderr, "FAIL libzmq.so.5 is not (only) the one in %s\n", argv[2]);
            return 1;
        }
        first = 3;
    }
    for (int i = first; i < argc; i++)
        if (!run_selftest(argv[i]))
            return 1;
    printf("all %d czmq self-tests passed\n", argc - first);
    return 0;
}
