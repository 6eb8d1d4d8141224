/* A small program written for libzmq, built against an installed zmx (by
   pkg-config or by find_package(ZeroMQ)): one request and its reply over
   inproc, then the path of the libzmq it runs on, so the test can tell it
   is the installed one. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <zmq.h>
#include <zmq_utils.h>

int main(void) {
    void* ctx = zmq_ctx_new();
    void* rep = zmq_socket(ctx, ZMQ_REP);
    void* req = zmq_socket(ctx, ZMQ_REQ);
    char reply[16] = {0};
    if (zmq_bind(rep, "inproc://consumer") != 0 || zmq_connect(req, "inproc://consumer") != 0 ||
        zmq_send(req, "ping", 4, 0) != 4 || zmq_recv(rep, reply, sizeof reply, 0) != 4 ||
        zmq_send(rep, "pong", 4, 0) != 4 || zmq_recv(req, reply, sizeof reply, 0) != 4 ||
        memcmp(reply, "pong", 4) != 0) {
        fprintf(stderr, "round trip failed: %s\n", zmq_strerror(zmq_errno()));
        return 1;
    }
    zmq_close(req);
    zmq_close(rep);
    zmq_ctx_term(ctx);
    int major, minor, patch;
    zmq_version(&major, &minor, &patch);
    Dl_info info;
    const char* library = dladdr((void*)zmq_version, &info) ? info.dli_fname : "?";
    printf("libzmq %d.%d.%d %s\n", major, minor, patch, library);
    return 0;
}
