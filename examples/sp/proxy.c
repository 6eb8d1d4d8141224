/* A proxy between ten clients and ten servers: an SP_REP where the clients
 * connect and an SP_REQ where the servers connect, joined by SP_PROXY.
 * Replies find their way back through it. */
#include "sp_example.h"

#define SERVERS 10

static char front[64], back[64];

static void connect_to_proxy (int eid)
{
	sp_add (eid, xconnect (front));
}

int main (int argc, char **argv)
{
	struct echo_server servers[SERVERS];
	struct clients clients;
	int frontend, backend, i, failures;

	example_address (front, sizeof front, argc, argv, 0);
	example_address (back, sizeof back, argc, argv, 1);

	/* The proxy: requests from the backend's clients go on through the
	 * frontend to the servers. */
	frontend = sp_endpoint (SP_REQREP, SP_REQ);
	backend = sp_endpoint (SP_REQREP, SP_REP);
	if (sp_setopt (frontend, SP_PROXY, &backend, sizeof (backend)) != 0) {
		perror ("SP_PROXY");
		return 1;
	}
	sp_listen (backend, front);
	sp_listen (frontend, back);

	for (i = 0; i < SERVERS; i++) {
		start_echo_server (&servers[i]);
		sp_add (servers[i].eid, xconnect (back));
	}
	start_clients (&clients, 10, connect_to_proxy);
	failures = finish_clients (&clients);

	for (i = 0; i < SERVERS; i++)
		stop_echo_server (&servers[i]);
	sp_close (frontend);
	sp_close (backend);
	remove_example_files (argc, argv, 2);
	printf ("proxy: %s\n", failures ? "FAILED" : "100 requests answered through the proxy");
	return failures ? 1 : 0;
}
