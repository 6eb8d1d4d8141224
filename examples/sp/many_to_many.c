/* Ten clients, ten servers: every client connects to every server and
 * load-balances its requests over them. */
#include "sp_example.h"

#define SERVERS 10

static char address[SERVERS][64];

static void connect_to_servers (int eid)
{
	int i;

	for (i = 0; i < SERVERS; i++)
		sp_add (eid, xconnect (address[i]));
}

int main (int argc, char **argv)
{
	struct echo_server servers[SERVERS];
	struct clients clients;
	int i, failures;

	for (i = 0; i < SERVERS; i++) {
		example_address (address[i], sizeof address[i], argc, argv, i);
		start_echo_server (&servers[i]);
		sp_add (servers[i].eid, xlisten (address[i]));
	}
	start_clients (&clients, 10, connect_to_servers);
	failures = finish_clients (&clients);

	for (i = 0; i < SERVERS; i++)
		stop_echo_server (&servers[i]);
	remove_example_files (argc, argv, SERVERS);
	printf ("many-to-many: %s\n", failures ? "FAILED" : "100 requests answered");
	return failures ? 1 : 0;
}
