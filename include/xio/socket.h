/* xio transport handles on zmx: listeners, connectors and the connections
 * a listener accepts, each named by a small int. Names and numbers are
 * xio's. Addresses: tcp://host:port (tcp@interface://host:port connects
 * from a chosen interface), ipc://path, inproc://name. */
#ifndef ZMX_XIO_SOCKET_H
#define ZMX_XIO_SOCKET_H

#include <inttypes.h>
#include <xio/cmsghdr.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What XSO_SOCKTYPE reports, and the longest address. */
enum {
	XLISTENER       =    1,
	XCONNECTOR,
	XSOCKADDRLEN    =   128,
};

int xlisten (const char *sockaddr);
int xaccept (int fd);
int xconnect (const char *sockaddr);

/* One message per ubuf. xsend takes the ubuf on success. */
int xrecv (int fd, char **ubuf);
int xsend (int fd, char *ubuf);
int xclose (int fd);

/* Handle options (int values unless stated otherwise). */
enum {
	XSO_LINGER       =     0,
	XSO_SNDBUF,
	XSO_RCVBUF,
	XSO_NOBLOCK,
	XSO_NODELAY,
	XSO_SNDTIMEO,
	XSO_RCVTIMEO,
	XSO_SOCKTYPE,   /* read only: XLISTENER or XCONNECTOR */
	XSO_SOCKPROTO,  /* read only: 1 inproc, 2 tcp, 3 ipc */
	XSO_VERBOSE,
};

int xsetopt (int fd, int opt, void *optval, int optlen);
int xgetopt (int fd, int opt, void *optval, int *optlen);

#ifdef __cplusplus
}
#endif
#endif
