/* One client, ten servers: the client's SP_REQ load-balances its requests
 * over a connection to each server, and each reply comes back to it. */
#include "sp_example.h"

#define SERVERS 10

int main (int argc, char **argv)
{
	struct echo_server servers[SERVERS];
	char address[SERVERS][64];
	char req[32];
	int eid, i, failed = 0;

	for (i = 0; i < SERVERS; i++) {
		example_address (address[i], sizeof address[i], argc, argv, i);
		start_echo_server (&servers[i]);
		sp_listen (servers[i].eid, address[i]);
	}

	eid = sp_endpoint (SP_REQREP, SP_REQ);
	for (i = 0; i < SERVERS; i++)
		sp_add (eid, xconnect (address[i]));
	for (i = 0; i < 10; i++) {
		snprintf (req, sizeof req, "hello%d", i);
		failed |= request (eid, req);
	}
	sp_close (eid);

	for (i = 0; i < SERVERS; i++)
		stop_echo_server (&servers[i]);
	remove_example_files (argc, argv, SERVERS);
	printf ("one-to-many: %s\n", failed ? "FAILED" : "10 requests answered");
	return failed ? 1 : 0;
}
