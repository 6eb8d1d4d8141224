/*
 * zmx/zmq_v2.h - the ZeroMQ 2.x API over zmx's libzmq 4.3.
 *
 * Programs written for 2.x (the guide's printed sources among them) compile
 * unchanged when ZMX_API_V2 is defined before <zmq.h>, which then includes
 * this file at its end. Nothing here is a library symbol: each 2.x call is a
 * static inline function over the 4.x API, and a macro gives it the 2.x name.
 * Without ZMX_API_V2 this file is never read and zmq.h is libzmq 4.3's.
 *
 * What changes under ZMX_API_V2:
 *   zmq_send, zmq_recv     take a zmq_msg_t * and return 0 on success
 *   zmq_poll               takes its timeout in microseconds
 *   zmq_socket             gives sockets 2.x's unlimited queues (HWM 0)
 *   zmq_setsockopt,        speak 2.x's option numbers and types: ZMQ_HWM
 *   zmq_getsockopt         (uint64, both directions), ZMQ_RCVMORE (int64),
 *                          ZMQ_RATE, ZMQ_RECOVERY_IVL (seconds),
 *                          ZMQ_RECOVERY_IVL_MSEC, ZMQ_SNDBUF, ZMQ_RCVBUF as
 *                          64-bit values; ZMQ_SWAP and ZMQ_MCAST_LOOP are
 *                          accepted and have no effect (no disk swap, no
 *                          multicast in zmx)
 *   names                  ZMQ_UPSTREAM, ZMQ_DOWNSTREAM, ZMQ_HWM, ZMQ_SWAP,
 *                          ZMQ_MCAST_LOOP, ZMQ_RECOVERY_IVL_MSEC, and
 *                          ZMQ_POLL_MSEC as 1000 (microseconds per msec)
 * zmq_init, zmq_term, zmq_device with ZMQ_QUEUE, ZMQ_FORWARDER and
 * ZMQ_STREAMER, ZMQ_NOBLOCK, ZMQ_XREQ, ZMQ_XREP and ZMQ_IDENTITY are in
 * libzmq 4.3's API already and keep their meaning.
 */

#ifndef ZMX_ZMQ_V2_H_INCLUDED
#define ZMX_ZMQ_V2_H_INCLUDED

#include <limits.h>
#include <string.h>

#define ZMQ_UPSTREAM ZMQ_PULL
#define ZMQ_DOWNSTREAM ZMQ_PUSH

/* 2.x option numbers that 4.x retired (4.x never reuses them). */
#define ZMQ_HWM 1
#define ZMQ_SWAP 3
#define ZMQ_MCAST_LOOP 10
#define ZMQ_RECOVERY_IVL_MSEC 20

/* zmq_poll's unit is the microsecond: a msec is 1000 of them. */
#define ZMQ_POLL_MSEC 1000

/* 2.x's send and receive: the whole message, 0 on success. */
static inline int zmx_v2_send (void *socket, zmq_msg_t *msg, int flags)
{
    return zmq_msg_send (msg, socket, flags) < 0 ? -1 : 0;
}

static inline int zmx_v2_recv (void *socket, zmq_msg_t *msg, int flags)
{
    return zmq_msg_recv (msg, socket, flags) < 0 ? -1 : 0;
}

/* A timeout in microseconds, rounded up to whole milliseconds so a short
   wait never becomes a busy poll; negative waits for ever. */
static inline int zmx_v2_poll (zmq_pollitem_t *items, int count, long timeout_us)
{
    long timeout_ms = timeout_us < 0 ? -1 : timeout_us / 1000 + (timeout_us % 1000 != 0);
    return zmq_poll (items, count, timeout_ms);
}

/* 2.x queues grew without bound unless ZMQ_HWM was set. */
static inline void *zmx_v2_socket (void *context, int type)
{
    void *socket = zmq_socket (context, type);
    int unlimited = 0;
    if (socket) {
        zmq_setsockopt (socket, ZMQ_SNDHWM, &unlimited, sizeof unlimited);
        zmq_setsockopt (socket, ZMQ_RCVHWM, &unlimited, sizeof unlimited);
    }
    return socket;
}

/* ---- Options: 2.x's 64-bit values onto 4.x's int options ------------------- */

static inline int zmx_v2_fail (int error)
{
    errno = error;
    return -1;
}

/* Sets a 4.x int option from a 2.x 64-bit value; EINVAL if it does not fit. */
static inline int zmx_v2_set_int (void *socket, int option, int64_t value)
{
    int narrow = (int) value;
    if (value < INT_MIN || value > INT_MAX)
        return zmx_v2_fail (EINVAL);
    return zmq_setsockopt (socket, option, &narrow, sizeof narrow);
}

static inline int zmx_v2_get_int (void *socket, int option, int64_t *value)
{
    int narrow;
    size_t size = sizeof narrow;
    int rc = zmq_getsockopt (socket, option, &narrow, &size);
    if (rc == 0)
        *value = narrow;
    return rc;
}

/* ZMQ_HWM: one limit for both directions. 2.x's 0 means no limit, as 4.x's
   0 does; so does any limit beyond what a 4.x int holds. */
static inline int zmx_v2_set_hwm (void *socket, uint64_t hwm)
{
    int64_t limit = hwm > INT_MAX ? 0 : (int64_t) hwm;
    int rc = zmx_v2_set_int (socket, ZMQ_SNDHWM, limit);
    return rc == 0 ? zmx_v2_set_int (socket, ZMQ_RCVHWM, limit) : rc;
}

/* Kernel buffer sizes: 2.x's 0 means the system default, as 4.x's -1 does. */
static inline int zmx_v2_set_buffer (void *socket, int option, uint64_t size)
{
    if (size > INT_MAX)
        return zmx_v2_fail (EINVAL);
    return zmx_v2_set_int (socket, option, size == 0 ? -1 : (int64_t) size);
}

/* The 2.x options whose 4.x form differs; 1 when the option is one of them
   (its result in *rc), 0 when it passes through unchanged. */
static inline int zmx_v2_set_translated (void *socket, int option, int64_t value, int *rc)
{
    switch (option) {
        case ZMQ_HWM: *rc = zmx_v2_set_hwm (socket, (uint64_t) value); return 1;
        case ZMQ_SWAP: *rc = value < 0 ? zmx_v2_fail (EINVAL) : 0; return 1;
        case ZMQ_MCAST_LOOP: *rc = value != 0 && value != 1 ? zmx_v2_fail (EINVAL) : 0; return 1;
        case ZMQ_RATE: *rc = zmx_v2_set_int (socket, ZMQ_RATE, value); return 1;
        case ZMQ_RECOVERY_IVL:
            *rc = value < 0 || value > INT_MAX / 1000 ? zmx_v2_fail (EINVAL)
                                                      : zmx_v2_set_int (socket, ZMQ_RECOVERY_IVL, value * 1000);
            return 1;
        case ZMQ_RECOVERY_IVL_MSEC:
            /* -1, its 2.x default, defers to ZMQ_RECOVERY_IVL. */
            *rc = value < 0 ? 0 : zmx_v2_set_int (socket, ZMQ_RECOVERY_IVL, value);
            return 1;
        case ZMQ_SNDBUF:
        case ZMQ_RCVBUF: *rc = zmx_v2_set_buffer (socket, option, (uint64_t) value); return 1;
        default: return 0;
    }
}

static inline int zmx_v2_is_64_bit_option (int option)
{
    return option == ZMQ_HWM || option == ZMQ_SWAP || option == ZMQ_MCAST_LOOP
        || option == ZMQ_RATE || option == ZMQ_RECOVERY_IVL || option == ZMQ_RECOVERY_IVL_MSEC
        || option == ZMQ_SNDBUF || option == ZMQ_RCVBUF || option == ZMQ_RCVMORE;
}

static inline int zmx_v2_setsockopt (void *socket, int option, const void *value, size_t size)
{
    int64_t wide;
    int rc;
    if (!zmx_v2_is_64_bit_option (option))
        return zmq_setsockopt (socket, option, value, size);
    if (size != sizeof wide || value == NULL)
        return zmx_v2_fail (EINVAL);
    memcpy (&wide, value, sizeof wide);
    if (zmx_v2_set_translated (socket, option, wide, &rc))
        return rc;
    return zmq_setsockopt (socket, option, value, size);
}

/* Reads the 4.x form of a 2.x 64-bit option into *value. */
static inline int zmx_v2_get_translated (void *socket, int option, int64_t *value)
{
    int rc;
    switch (option) {
        case ZMQ_HWM: return zmx_v2_get_int (socket, ZMQ_SNDHWM, value);
        case ZMQ_SWAP: *value = 0; return 0;
        case ZMQ_MCAST_LOOP: *value = 1; return 0;
        case ZMQ_RECOVERY_IVL:
            rc = zmx_v2_get_int (socket, ZMQ_RECOVERY_IVL, value);
            *value /= 1000;
            return rc;
        case ZMQ_RECOVERY_IVL_MSEC: return zmx_v2_get_int (socket, ZMQ_RECOVERY_IVL, value);
        case ZMQ_SNDBUF:
        case ZMQ_RCVBUF:
            rc = zmx_v2_get_int (socket, option, value);
            if (*value < 0)
                *value = 0;
            return rc;
        default: return zmx_v2_get_int (socket, option, value);
    }
}

static inline int zmx_v2_getsockopt (void *socket, int option, void *value, size_t *size)
{
    int64_t wide = 0;
    if (!zmx_v2_is_64_bit_option (option))
        return zmq_getsockopt (socket, option, value, size);
    if (size == NULL || value == NULL || *size < sizeof wide)
        return zmx_v2_fail (EINVAL);
    if (zmx_v2_get_translated (socket, option, &wide) != 0)
        return -1;
    /*  *size is at least sizeof wide here; the length is spelled so that a
        compiler that inlined a call with a smaller buffer (one this function
        refuses above) sees no copy past it. */
    *size = *size < sizeof wide ? *size : sizeof wide;
    memcpy (value, &wide, *size);
    return 0;
}

/* The 2.x names, from here on in the including program. */
#define zmq_send zmx_v2_send
#define zmq_recv zmx_v2_recv
#define zmq_poll zmx_v2_poll
#define zmq_socket zmx_v2_socket
#define zmq_setsockopt zmx_v2_setsockopt
#define zmq_getsockopt zmx_v2_getsockopt

#endif /* ZMX_ZMQ_V2_H_INCLUDED */
