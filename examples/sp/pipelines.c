/* Pipelines: ten clients, one server that holds the requests it receives
 * and answers them later, out of order. Each request's ubuf carries its
 * route, so sending back the very ubuf received finds the right client. */
#include "sp_example.h"

#define CLIENTS 10
#define ROUNDS 10

static char server_address[64];
static int failures;

static void *client (void *arg)
{
	char req[32];
	int eid = sp_endpoint (SP_REQREP, SP_REQ);
	int i;

	sp_add (eid, xconnect (server_address));
	for (i = 0; i < ROUNDS; i++) {
		snprintf (req, sizeof req, "client %d request %d", (int) (long) arg, i);
		if (request (eid, req) != 0)
			__atomic_add_fetch (&failures, 1, __ATOMIC_SEQ_CST);
	}
	sp_close (eid);
	return NULL;
}

int main (int argc, char **argv)
{
	pthread_t clients[CLIENTS];
	char *waiting[CLIENTS];
	int eid, round, n;
	long i;

	example_address (server_address, sizeof server_address, argc, argv, 0);
	eid = sp_endpoint (SP_REQREP, SP_REP);
	sp_add (eid, xlisten (server_address));
	for (i = 0; i < CLIENTS; i++)
		pthread_create (&clients[i], NULL, client, (void *) i);

	/* Every client has one request waiting each round: hold them all,
	 * then answer the last one first. */
	for (round = 0; round < ROUNDS; round++) {
		for (n = 0; n < CLIENTS; n++)
			sp_recv (eid, &waiting[n]);
		while (n > 0)
			sp_send (eid, waiting[--n]);
	}
	for (i = 0; i < CLIENTS; i++)
		pthread_join (clients[i], NULL);
	sp_close (eid);
	remove_example_files (argc, argv, 1);
	printf ("pipelines: %s\n", failures ? "FAILED" : "100 requests answered out of order");
	return failures ? 1 : 0;
}
