/* Ten clients, one server: the server's SP_REP fair-queues their requests
 * and routes each reply back to the client that asked. */
#include "sp_example.h"

#define CLIENTS 10

static char server_address[64];
static int failures;

static void *client (void *arg)
{
	char req[32];
	int eid = sp_endpoint (SP_REQREP, SP_REQ);

	sp_add (eid, xconnect (server_address));
	snprintf (req, sizeof req, "client %d", (int) (long) arg);
	if (request (eid, req) != 0)
		__atomic_add_fetch (&failures, 1, __ATOMIC_SEQ_CST);
	sp_close (eid);
	return NULL;
}

int main (int argc, char **argv)
{
	struct echo_server server;
	pthread_t clients[CLIENTS];
	long i;

	example_address (server_address, sizeof server_address, argc, argv, 0);
	start_echo_server (&server);
	sp_add (server.eid, xlisten (server_address));

	for (i = 0; i < CLIENTS; i++)
		pthread_create (&clients[i], NULL, client, (void *) i);
	for (i = 0; i < CLIENTS; i++)
		pthread_join (clients[i], NULL);

	stop_echo_server (&server);
	remove_example_files (argc, argv, 1);
	printf ("many-to-one: %s\n", failures ? "FAILED" : "10 clients answered");
	return failures ? 1 : 0;
}
