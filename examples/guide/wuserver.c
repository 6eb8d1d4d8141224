//  Weather update server: publishes random "zipcode temperature humidity"
//  updates, as fast as it can, on tcp port 5556 and on ipc://weather.ipc.
//
//  Option: -n updates to publish (default: until interrupted).
#include "options.h"
#include "zhelpers.h"

int main (int argc, char *argv[])
{
    int updates_left = option_int (argc, argv, 'n', -1);

    void *context = zmq_ctx_new ();
    void *publisher = zmq_socket (context, ZMQ_PUB);
    int rc = zmq_bind (publisher, "tcp://127.0.0.1:5556");
    assert (rc == 0);
    rc = zmq_bind (publisher, "ipc://weather.ipc");
    assert (rc == 0);
    s_catch_signals ();

    srandom ((unsigned) time (NULL));
    while (updates_left != 0 && !s_interrupted) {
        //  Values that will fool the boss
        int zipcode = randof (100000);
        int temperature = randof (215) - 80;
        int relhumidity = randof (50) + 10;
        char update[32];
        sprintf (update, "%05d %d %d", zipcode, temperature, relhumidity);
        s_send (publisher, update);
        if (updates_left > 0)
            updates_left--;
    }
    zmq_close (publisher);
    zmq_ctx_destroy (context);
    return 0;
}
