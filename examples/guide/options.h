/*
 * options.h - the "-x value" options that bound the guide's examples (a
 * message count, a work time, ...) so a test can run them to completion.
 * Run with no options, each example does what the guide's does.
 */
#ifndef ZMX_GUIDE_OPTIONS_H
#define ZMX_GUIDE_OPTIONS_H

#include <stdlib.h>
#include <string.h>

/* The value after "-flag", or fallback when the flag is absent. */
static inline const char *option_text (int argc, char *argv[], char flag, const char *fallback)
{
    int i;
    for (i = 1; i + 1 < argc; i++)
        if (argv[i][0] == '-' && argv[i][1] == flag && argv[i][2] == 0)
            return argv[i + 1];
    return fallback;
}

static inline int option_int (int argc, char *argv[], char flag, int fallback)
{
    const char *text = option_text (argc, argv, flag, NULL);
    return text ? atoi (text) : fallback;
}

/* True when the bare switch "-flag" is present. */
static inline int option_set (int argc, char *argv[], char flag)
{
    int i;
    for (i = 1; i < argc; i++)
        if (argv[i][0] == '-' && argv[i][1] == flag && argv[i][2] == 0)
            return 1;
    return 0;
}

/* The first argument that is neither an option nor an option's value
   (options that take values are those named in with_value). */
static inline const char *option_positional (int argc, char *argv[], const char *with_value, const char *fallback)
{
    int i;
    for (i = 1; i < argc; i++) {
        if (argv[i][0] != '-')
            return argv[i];
        if (argv[i][1] && argv[i][2] == 0 && strchr (with_value, argv[i][1]))
            i++;
    }
    return fallback;
}

#endif /* ZMX_GUIDE_OPTIONS_H */
