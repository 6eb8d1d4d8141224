/* Waiting on xio handles: xpoll sets and xselect. Names and numbers are
 * xio's. */
#ifndef ZMX_XIO_POLL_H
#define ZMX_XIO_POLL_H

#ifdef __cplusplus
extern "C" {
#endif

enum {
	XPOLLIN   =  1,
	XPOLLOUT  =  2,
	XPOLLERR  =  4,
};

/* Reports, without waiting, which of the nin handles of in_set have any of
 * events: their fds go to out_set (room for nout). The count, or -1. */
int xselect (int events, int nin, int *in_set, int nout, int *out_set);

struct poll_fd {
	int fd;
	void *hndl;     /* the caller's, returned as given */
	int events;     /* XPOLLIN | XPOLLOUT wanted; XPOLLERR always is */
	int happened;   /* what xpoll_wait found */
};

int xpoll_create ();
int xpoll_close (int pollid);

enum {
	XPOLL_ADD = 1,
	XPOLL_DEL = 2,
	XPOLL_MOD = 3,
};

int xpoll_ctl (int pollid, int op, struct poll_fd *pollfd);
/* Up to n ready handles into fds, waiting up to timeout ms (-1: forever).
 * The count (0 on timeout), or -1. */
int xpoll_wait (int pollid, struct poll_fd *fds, int n, int timeout);

#ifdef __cplusplus
}
#endif
#endif
