//  Weather update client: subscribes to one zipcode's updates (New York's
//  10001 unless told otherwise) and reports their average temperature.
//
//  Usage: wuclient [zipcode] [-n updates (100)] [-e endpoint]
//  The endpoint defaults to the weather server, tcp://localhost:5556.
#include "options.h"
#include "zhelpers.h"

int main (int argc, char *argv[])
{
    const char *filter = option_positional (argc, argv, "ne", "10001 ");
    const char *endpoint = option_text (argc, argv, 'e', "tcp://localhost:5556");
    int updates = option_int (argc, argv, 'n', 100);

    printf ("Collecting updates from weather server...\n");
    fflush (stdout);
    void *context = zmq_ctx_new ();
    void *subscriber = zmq_socket (context, ZMQ_SUB);
    int rc = zmq_connect (subscriber, endpoint);
    assert (rc == 0);
    rc = zmq_setsockopt (subscriber, ZMQ_SUBSCRIBE, filter, strlen (filter));
    assert (rc == 0);

    long total_temp = 0;
    int update_nbr;
    for (update_nbr = 0; update_nbr < updates; update_nbr++) {
        char *string = s_recv (subscriber);
        if (!string)
            break;
        int zipcode, temperature, relhumidity;
        sscanf (string, "%d %d %d", &zipcode, &temperature, &relhumidity);
        total_temp += temperature;
        free (string);
    }
    if (update_nbr > 0)
        printf ("Average temperature for zipcode '%s' was %dF\n", filter,
                (int) (total_temp / update_nbr));
    zmq_close (subscriber);
    zmq_ctx_destroy (context);
    return update_nbr == updates ? 0 : 1;
}
