/*
 * guide_harness.h - force-included (cc -include) into the guide's 2.x
 * programs by seed_programs.py, to bound their endless loops without
 * touching a line of them.
 *
 * - A safety net: an alarm ends any of them after GUIDE_ALARM seconds
 *   (default 60), should the test that runs them be gone.
 * - GUIDE_QUOTA="n1,n2,...": the program ends (status 0) once the k-th
 *   socket it reads from (in the order it first tries them) has received
 *   nk messages, after printing "guide harness: received c1 c2 ...". This
 *   ends a reader such as msreader, whose loop never does, at a point the
 *   test can check.
 */
#ifndef ZMX_GUIDE_HARNESS_H
#define ZMX_GUIDE_HARNESS_H

#include <zmq.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define GUIDE_HARNESS_SOCKETS 8

static void *guide_harness_sockets[GUIDE_HARNESS_SOCKETS];
static long guide_harness_counts[GUIDE_HARNESS_SOCKETS];

__attribute__ ((constructor)) static void guide_harness_start (void)
{
    const char *seconds = getenv ("GUIDE_ALARM");
    alarm (seconds ? (unsigned) atoi (seconds) : 60);
}

/* The socket's place in the order of first reads; -1 beyond the table. */
static inline int guide_harness_slot (void *socket)
{
    int slot;
    for (slot = 0; slot < GUIDE_HARNESS_SOCKETS; slot++) {
        if (!guide_harness_sockets[slot])
            guide_harness_sockets[slot] = socket;
        if (guide_harness_sockets[slot] == socket)
            return slot;
    }
    return -1;
}

/* True when every socket named in GUIDE_QUOTA has its count. */
static inline int guide_harness_quota_met (const char *quota)
{
    int slot = 0;
    while (*quota && slot < GUIDE_HARNESS_SOCKETS) {
        char *end;
        if (guide_harness_counts[slot++] < strtol (quota, &end, 10))
            return 0;
        quota = *end == ',' ? end + 1 : end;
    }
    return 1;
}

static inline void guide_harness_counted (void *socket)
{
    const char *quota = getenv ("GUIDE_QUOTA");
    int slot = guide_harness_slot (socket);
    if (slot >= 0)
        guide_harness_counts[slot]++;
    if (quota && guide_harness_quota_met (quota)) {
        printf ("guide harness: received");
        for (slot = 0; slot < GUIDE_HARNESS_SOCKETS && guide_harness_sockets[slot]; slot++)
            printf (" %ld", guide_harness_counts[slot]);
        printf ("\n");
        exit (0);
    }
}

/* zmq_recv here is still the 2.x call of zmq.h; the program's becomes this. */
static inline int guide_harness_recv (void *socket, zmq_msg_t *message, int flags)
{
    int rc;
    guide_harness_slot (socket);
    rc = zmq_recv (socket, message, flags);
    if (rc == 0)
        guide_harness_counted (socket);
    return rc;
}
#undef zmq_recv
#define zmq_recv guide_harness_recv

#endif /* ZMX_GUIDE_HARNESS_H */
