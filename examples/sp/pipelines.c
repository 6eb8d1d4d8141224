/* Pipelines: ten clients, one server that holds the requests it receives
 * and answers them later, out of order. Each request's ubuf carries its
 * route, so sending back the very ubuf received finds the right client. */
#include "sp_example.h"

#define ROUNDS 10

static char server_address[64];

static void connect_to_server (int eid)
{
	sp_add (eid, xconnect (server_address));
}

int main (int argc, char **argv)
{
	struct clients clients;
	char *waiting[CLIENTS];
	int eid, round, n, failures;

	example_address (server_address, sizeof server_address, argc, argv, 0);
	eid = sp_endpoint (SP_REQREP, SP_REP);
	sp_add (eid, xlisten (server_address));
	start_clients (&clients, ROUNDS, connect_to_server);

	/* Every client has one request waiting each round: hold them all,
	 * then answer the last one first. */
	for (round = 0; round < ROUNDS; round++) {
		for (n = 0; n < CLIENTS; n++)
			sp_recv (eid, &waiting[n]);
		while (n > 0)
			sp_send (eid, waiting[--n]);
	}
	failures = finish_clients (&clients);
	sp_close (eid);
	remove_example_files (argc, argv, 1);
	printf ("pipelines: %s\n", failures ? "FAILED" : "100 requests answered out of order");
	return failures ? 1 : 0;
}
