#include "mapped_library.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The directory of the file a /proc/self/maps line maps, resolved, into
 * `directory`; 0 if the line maps no libzmq.so. */
static int libzmq_directory_of(char *line, char directory[PATH_MAX]) {
    char *path = strchr(line, '/');
    if (!path || !strstr(path, "/libzmq.so"))
        return 0;
    path[strcspn(path, "\n")] = '\0';
    if (!realpath(path, directory))
        return 0;
    *strrchr(directory, '/') = '\0';
    return 1;
}

int libzmq_mapped_only_from(const char *directory) {
    char wanted[PATH_MAX];
    if (!realpath(directory, wanted))
        return 0;
    FILE *maps = fopen("/proc/self/maps", "r");
    if (!maps)
        return 0;
    char line[PATH_MAX + 256];
    int from_wanted = 0, elsewhere = 0;
    while (fgets(line, sizeof line, maps)) {
        char mapped[PATH_MAX];
        if (!libzmq_directory_of(line, mapped))
            continue;
        if (strcmp(mapped, wanted) == 0)
            from_wanted = 1;
        else
            elsewhere = 1;
    }
    fclose(maps);
    return from_wanted && !elsewhere;
}
