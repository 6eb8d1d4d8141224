/* Ten clients, ten servers: every client connects to every server and
 * load-balances its requests over them. */
#include "sp_example.h"

#define CLIENTS 10
#define SERVERS 10

static char address[SERVERS][64];
static int failures;

static void *client (void *arg)
{
	char req[32];
	int eid = sp_endpoint (SP_REQREP, SP_REQ);
	int i;

	for (i = 0; i < SERVERS; i++)
		sp_add (eid, xconnect (address[i]));
	for (i = 0; i < 10; i++) {
		snprintf (req, sizeof req, "client %d request %d", (int) (long) arg, i);
		if (request (eid, req) != 0)
			__atomic_add_fetch (&failures, 1, __ATOMIC_SEQ_CST);
	}
	sp_close (eid);
	return NULL;
}

int main (int argc, char **argv)
{
	struct echo_server servers[SERVERS];
	pthread_t clients[CLIENTS];
	long i;

	for (i = 0; i < SERVERS; i++) {
		example_address (address[i], sizeof address[i], argc, argv, (int) i);
		start_echo_server (&servers[i]);
		sp_add (servers[i].eid, xlisten (address[i]));
	}
	for (i = 0; i < CLIENTS; i++)
		pthread_create (&clients[i], NULL, client, (void *) i);
	for (i = 0; i < CLIENTS; i++)
		pthread_join (clients[i], NULL);

	for (i = 0; i < SERVERS; i++)
		stop_echo_server (&servers[i]);
	remove_example_files (argc, argv, SERVERS);
	printf ("many-to-many: %s\n", failures ? "FAILED" : "100 requests answered");
	return failures ? 1 : 0;
}
