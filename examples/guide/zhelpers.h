/*
 * zhelpers.h - the helpers the guide's C examples include: string frames,
 * dumps, identities, sleeps, clocks and clean signal handling.
 *
 * zmx's own version, written against calls that mean the same in both
 * APIs (zmq_msg_send, zmq_msg_recv, zmq_msg_more), so one header serves
 * the 4.x examples here and the guide's 2.x sources compiled with
 * -DZMX_API_V2. Where 2.x and 4.x helpers differed, ZMX_API_V2 picks 2.x.
 */
#ifndef ZMX_GUIDE_ZHELPERS_H
#define ZMX_GUIDE_ZHELPERS_H

#include <zmq.h>

#include <assert.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* A random number from 0 to num - 1 (randof is the 4.x name, within 2.x's). */
#define randof(num) (int) ((float) (num) *random () / (RAND_MAX + 1.0))
#define within(num) randof (num)

/* Receives one frame as a freshly allocated C string (the caller frees it).
   On failure (interrupted, context ended) a 4.x program gets NULL; a 2.x
   program ends, as 2.x's helper did. */
static inline char *s_recv (void *socket)
{
    zmq_msg_t frame;
    char *string = NULL;
    zmq_msg_init (&frame);
    if (zmq_msg_recv (&frame, socket, 0) >= 0) {
        size_t size = zmq_msg_size (&frame);
        string = (char *) malloc (size + 1);
        assert (string);
        memcpy (string, zmq_msg_data (&frame), size);
        string[size] = 0;
    }
    zmq_msg_close (&frame);
#ifdef ZMX_API_V2
    if (!string)
        exit (1);
#endif
    return string;
}

/* Sends a C string as one frame, without its terminating NUL. Returns what
   this API's zmq_send would: the size (4.x) or 0 (2.x); -1 on failure. */
static inline int s_send_frame (void *socket, const char *string, int flags)
{
    zmq_msg_t frame;
    size_t size = strlen (string);
    int rc;
    zmq_msg_init_size (&frame, size);
    memcpy (zmq_msg_data (&frame), string, size);
    rc = zmq_msg_send (&frame, socket, flags);
    if (rc < 0) {
        zmq_msg_close (&frame);
        return -1;
    }
#ifdef ZMX_API_V2
    return 0;
#else
    return rc;
#endif
}

static inline int s_send (void *socket, const char *string)
{
    return s_send_frame (socket, string, 0);
}

/* Sends a C string as a frame with more to follow. */
static inline int s_sendmore (void *socket, const char *string)
{
    return s_send_frame (socket, string, ZMQ_SNDMORE);
}

/* Prints one frame as "[size] body": text as it is, anything else in hex. */
static inline void s_dump_frame (zmq_msg_t *frame)
{
    const unsigned char *data = (const unsigned char *) zmq_msg_data (frame);
    size_t size = zmq_msg_size (frame);
    int is_text = 1;
    size_t i;
    for (i = 0; i < size; i++)
        if (data[i] < 32 || data[i] > 126)
            is_text = 0;
    printf ("[%03d] ", (int) size);
    for (i = 0; i < size; i++)
        printf (is_text ? "%c" : "%02X", data[i]);
    printf ("\n");
}

/* Receives a whole message and prints its frames under a separator line. */
static inline void s_dump (void *socket)
{
    zmq_msg_t frame;
    int more = 1;
    puts ("----------------------------------------");
    zmq_msg_init (&frame);
    while (more && zmq_msg_recv (&frame, socket, 0) >= 0) {
        s_dump_frame (&frame);
        more = zmq_msg_more (&frame);
    }
    zmq_msg_close (&frame);
    fflush (stdout);
}

/* Gives the socket a random printable identity such as "04A1-9F3C". */
static inline void s_set_id (void *socket)
{
    char identity[10];
    sprintf (identity, "%04X-%04X", randof (0x10000), randof (0x10000));
    zmq_setsockopt (socket, ZMQ_IDENTITY, identity, strlen (identity));
}

static inline void s_sleep (int msecs)
{
    struct timespec pause;
    pause.tv_sec = msecs / 1000;
    pause.tv_nsec = (msecs % 1000) * 1000000L;
    nanosleep (&pause, NULL);
}

/* Wall-clock time in milliseconds. */
static inline int64_t s_clock (void)
{
    struct timeval now;
    gettimeofday (&now, NULL);
    return (int64_t) now.tv_sec * 1000 + now.tv_usec / 1000;
}

static inline void s_version (void)
{
    int major, minor, patch;
    zmq_version (&major, &minor, &patch);
    printf ("Current ZeroMQ version is %d.%d.%d\n", major, minor, patch);
}

/* Ends the program unless the library is at least major.minor. */
static inline void s_version_assert (int want_major, int want_minor)
{
    int major, minor, patch;
    zmq_version (&major, &minor, &patch);
    if (major < want_major || (major == want_major && minor < want_minor)) {
        printf ("Current ZeroMQ version is %d.%d\n", major, minor);
        printf ("Application needs at least %d.%d - cannot continue\n", want_major, want_minor);
        exit (EXIT_FAILURE);
    }
}

/* Prints a line with the time in front, as servers log. */
static inline void s_console (const char *format, ...)
{
    time_t now = time (NULL);
    char stamp[32];
    va_list args;
    strftime (stamp, sizeof stamp, "%y-%m-%d %H:%M:%S ", localtime (&now));
    printf ("%s", stamp);
    va_start (args, format);
    vprintf (format, args);
    va_end (args);
    printf ("\n");
    fflush (stdout);
}

/* Set by SIGINT or SIGTERM once s_catch_signals has run. The handler does
   not restart system calls, so a blocking ZeroMQ call returns -1 with EINTR
   and the program can see the flag and shut down cleanly. */
static volatile sig_atomic_t s_interrupted = 0;

static inline void s_signal_handler (int signal_value)
{
    (void) signal_value;
    s_interrupted = 1;
}

static inline void s_catch_signals (void)
{
    struct sigaction action;
    memset (&action, 0, sizeof action);
    action.sa_handler = s_signal_handler;
    sigemptyset (&action.sa_mask);
    sigaction (SIGINT, &action, NULL);
    sigaction (SIGTERM, &action, NULL);
}

#endif /* ZMX_GUIDE_ZHELPERS_H */
