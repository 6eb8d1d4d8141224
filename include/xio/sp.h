/* xio's scalability-protocol endpoints on zmx (libxio.so.0). An endpoint
 * of a family and type joins the handles added to it into one zmq socket
 * that speaks ZMTP 3.1 (docs/sp.md). Names and numbers are xio's. */
#ifndef ZMX_XIO_SP_H
#define ZMX_XIO_SP_H

#include <xio/socket.h>
#include <xio/poll.h>
#include <xio/cmsghdr.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SP_BUF      "sp_ubuf"
#define SP_HD       "sp_uhd"

/* Families. */
#define SP_REQREP    1
#define SP_BUS       2
#define SP_PUBSUB    3

/* zmx: options every endpoint takes (int milliseconds, -1 for no limit,
 * the default): how long sp_send and sp_recv wait before they give up with
 * EAGAIN. */
#define SP_SNDTIMEO  100
#define SP_RCVTIMEO  101

int sp_endpoint (int sp_family, int sp_type);
int sp_close (int eid);
/* Takes the ubuf on success. */
int sp_send (int eid, char *ubuf);
int sp_recv (int eid, char **ubuf);
/* The endpoint takes the handle: a connector connects it, a listener makes
 * it take every connection the listener accepts. sp_rm closes it. */
int sp_add (int eid, int fd);
int sp_rm (int eid, int fd);
int sp_setopt (int eid, int opt, void *optval, int optlen);
int sp_getopt (int eid, int opt, void *optval, int *optlen);

/* fd added to eid, or closed if that fails: fd, or -1. */
static inline int sp_add_or_close (int eid, int fd)
{
	if (fd < 0)
		return -1;
	if (sp_add (eid, fd) < 0) {
		xclose (fd);
		return -1;
	}
	return fd;
}

/* A connector to sockaddr added to eid: its fd, or -1. */
static inline int sp_connect (int eid, const char *sockaddr)
{
	return sp_add_or_close (eid, xconnect (sockaddr));
}

/* A listener on sockaddr added to eid: its fd, or -1. */
static inline int sp_listen (int eid, const char *sockaddr)
{
	return sp_add_or_close (eid, xlisten (sockaddr));
}

#ifdef __cplusplus
}
#endif
#endif
