/* Ten clients, one server: the server's SP_REP fair-queues their requests
 * and routes each reply back to the client that asked. */
#include "sp_example.h"

static char server_address[64];

static void connect_to_server (int eid)
{
	sp_add (eid, xconnect (server_address));
}

int main (int argc, char **argv)
{
	struct echo_server server;
	struct clients clients;
	int failures;

	example_address (server_address, sizeof server_address, argc, argv, 0);
	start_echo_server (&server);
	sp_add (server.eid, xlisten (server_address));

	start_clients (&clients, 1, connect_to_server);
	failures = finish_clients (&clients);

	stop_echo_server (&server);
	remove_example_files (argc, argv, 1);
	printf ("many-to-one: %s\n", failures ? "FAILED" : "10 clients answered");
	return failures ? 1 : 0;
}
