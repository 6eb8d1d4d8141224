/* xio user buffers (ubufs) and their control headers, for zmx's libxio.
 *
 * A ubuf is the unit xsend/xrecv and sp_send/sp_recv move: a byte buffer
 * allocated by ualloc, plus up to 16 control ubufs attached to it. The sp
 * endpoints keep the route of a request and its hop count in a control
 * ubuf (docs/sp.md describes its layout). Names and numbers are xio's. */
#ifndef ZMX_XIO_CMSGHDR_H
#define ZMX_XIO_CMSGHDR_H

#include <inttypes.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A new ubuf of size bytes (contents undefined), or NULL with errno. */
char *ualloc (int size);
/* Releases a ubuf and every control ubuf attached to it. */
void ufree (char *ubuf);
/* The size given to ualloc, or -1 with EINVAL for anything not a live ubuf. */
int usize (char *ubuf);

/* The older names of xio's manual pages. */
char *xallocubuf (int size);
void xfreeubuf (void *ubuf);
int xubuflen (void *ubuf);

/* uctl operations on the control ubufs of a ubuf (at most 16 of them). */
enum {
	SNUM = 1,     /* int *: how many are attached */
	SFIRST,       /* char **: the first one */
	SNEXT,        /* char ** in and out: the one after *optval */
	SLAST,        /* char **: the last one */
	SADD,         /* char *: attach a free ubuf at the end */
	SRM,          /* char *: detach one (it is the caller's again) */
	SSWITCH,      /* char *: move them all to another ubuf */
	SCOPY,        /* char *: attach copies of them all to another ubuf */
};

/* 0, or -1 with errno (EINVAL, ENOENT when there is no such control ubuf,
 * EFBIG past 16). */
int uctl (char *ubuf, int opt, void *optval);

static inline void uctl_add (char *ubuf, char *add)
{
	uctl (ubuf, SADD, add);
}

#ifdef __cplusplus
}
#endif
#endif
