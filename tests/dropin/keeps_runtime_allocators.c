/* A C program that links libzmq alone keeps the C and C++ runtimes'
   allocators: zmx takes its message bodies from mimalloc, whose library
   also defines malloc and operator new, and must not hand them to the rest
   of the process. Exits 0 when malloc comes from libc and operator new
   from libstdc++, after messages went through both ways. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <zmq.h>

static int defined_in(const char *symbol, const char *library)
{
    void *address = dlsym(RTLD_DEFAULT, symbol);
    Dl_info info;
    if (!address || !dladdr(address, &info) || !info.dli_fname) {
        fprintf(stderr, "%s: not found\n", symbol);
        return 0;
    }
    if (!strstr(info.dli_fname, library)) {
        fprintf(stderr, "%s comes from %s, not %s\n", symbol, info.dli_fname, library);
        return 0;
    }
    return 1;
}

static int exchange_messages(void)
{
    void *context = zmq_ctx_new();
    void *pull = zmq_socket(context, ZMQ_PULL);
    void *push = zmq_socket(context, ZMQ_PUSH);
    char body[100] = {0};
    int received = 0;
    if (zmq_bind(pull, "inproc://allocators") == 0 && zmq_connect(push, "inproc://allocators") == 0)
        for (int i = 0; i < 100; i++)
            if (zmq_send(push, body, sizeof body, 0) == sizeof body &&
                zmq_recv(pull, body, sizeof body, 0) == sizeof body)
                received++;
    zmq_close(push);
    zmq_close(pull);
    zmq_ctx_term(context);
    return received == 100;
}

int main(void)
{
    int ok = exchange_messages();
    ok &= defined_in("malloc", "libc.so");
    ok &= defined_in("_Znwm", "libstdc++.so");  /* operator new(size_t) */
    ok &= defined_in("_ZdlPv", "libstdc++.so"); /* operator delete(void*) */
    return ok ? 0 : 1;
}
