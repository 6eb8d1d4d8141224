//  Reports the version of the ZeroMQ library the program runs on.
#include <stdio.h>
#include <zmq.h>

int main (void)
{
    int major, minor, patch;
    zmq_version (&major, &minor, &patch);
    printf ("Current ZeroMQ version is %d.%d.%d\n", major, minor, patch);
    return 0;
}
