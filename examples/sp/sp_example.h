/* What the five request/reply examples share: addresses, a request that
 * checks its echo, and echo servers in threads of their own. Each example
 * is one process: its clients and servers are threads, talking over ipc
 * (or over tcp when the first argument is "tcp"). */
#ifndef SP_EXAMPLE_H
#define SP_EXAMPLE_H

#include <xio/sp_reqrep.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The n-th address of this example: an ipc path, or a tcp port picked
 * from the process id (two examples at once rarely pick the same). */
static inline void example_address (char *out, size_t size, int argc, char **argv, int n)
{
	if (argc > 1 && strcmp (argv[1], "tcp") == 0)
		snprintf (out, size, "tcp://127.0.0.1:%d", 20000 + (getpid () % 400) * 100 + n);
	else
		snprintf (out, size, "ipc:///tmp/zmx-sp-example-%d-%d", (int) getpid (), n);
}

/* Removes the ipc files of addresses 0 .. count-1 (a bound path stays
 * after its socket is closed, as with libzmq). */
static inline void remove_example_files (int argc, char **argv, int count)
{
	char address[64];
	int n;

	for (n = 0; n < count; n++) {
		example_address (address, sizeof address, argc, argv, n);
		if (strncmp (address, "ipc://", 6) == 0)
			unlink (address + 6);
	}
}

static inline char *text_ubuf (const char *text)
{
	char *ubuf = ualloc ((int) strlen (text));
	memcpy (ubuf, text, strlen (text));
	return ubuf;
}

/* Sends text and waits for the reply: 0 when it is the same text. */
static inline int request (int eid, const char *text)
{
	char *reply = NULL;
	int same;

	if (sp_send (eid, text_ubuf (text)) != 0 || sp_recv (eid, &reply) != 0) {
		perror ("request");
		return -1;
	}
	same = usize (reply) == (int) strlen (text) && memcmp (reply, text, strlen (text)) == 0;
	if (!same)
		fprintf (stderr, "request \"%s\" got \"%.*s\"\n", text, usize (reply), reply);
	ufree (reply);
	return same ? 0 : -1;
}

/* Ten client threads. Each makes an SP_REQ, has connect () join it to its
 * servers, then sends `requests` requests one after the other and checks
 * every reply. */
#define CLIENTS 10

struct clients;

struct client {
	struct clients *all;
	int index;
	pthread_t thread;
};

struct clients {
	struct client each[CLIENTS];
	void (*connect) (int eid);
	int requests;
	int failures;
};

static inline void *client_loop (void *arg)
{
	struct client *self = (struct client *) arg;
	char req[48];
	int eid = sp_endpoint (SP_REQREP, SP_REQ);
	int i;

	self->all->connect (eid);
	for (i = 0; i < self->all->requests; i++) {
		snprintf (req, sizeof req, "client %d request %d", self->index, i);
		if (request (eid, req) != 0)
			__atomic_add_fetch (&self->all->failures, 1, __ATOMIC_SEQ_CST);
	}
	sp_close (eid);
	return NULL;
}

static inline void start_clients (struct clients *c, int requests, void (*connect) (int eid))
{
	int i;

	c->connect = connect;
	c->requests = requests;
	c->failures = 0;
	for (i = 0; i < CLIENTS; i++) {
		c->each[i].all = c;
		c->each[i].index = i;
		pthread_create (&c->each[i].thread, NULL, client_loop, &c->each[i]);
	}
}

/* Waits for the clients: how many of their requests failed. */
static inline int finish_clients (struct clients *c)
{
	int i;

	for (i = 0; i < CLIENTS; i++)
		pthread_join (c->each[i].thread, NULL);
	return c->failures;
}

/* An SP_REP that sends back every request it receives, until closed. */
struct echo_server {
	int eid;
	pthread_t thread;
};

static inline void *echo_loop (void *arg)
{
	struct echo_server *server = (struct echo_server *) arg;
	char *msg;

	while (sp_recv (server->eid, &msg) == 0) {
		if (sp_send (server->eid, msg) != 0)
			ufree (msg);
	}
	return NULL;
}

static inline void start_echo_server (struct echo_server *server)
{
	server->eid = sp_endpoint (SP_REQREP, SP_REP);
	pthread_create (&server->thread, NULL, echo_loop, server);
}

/* Closing the endpoint ends the server's sp_recv, and its thread. */
static inline void stop_echo_server (struct echo_server *server)
{
	sp_close (server->eid);
	pthread_join (server->thread, NULL);
}

#endif
