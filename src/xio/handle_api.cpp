// C entry points of <xio/socket.h>: transport handles.
#include "base/error.hpp"
#include "xio/connector.hpp"
#include "xio/handle_table.hpp"
#include "xio/listener.hpp"
#include "xio/ubuf.hpp"

#include <xio/socket.h>

namespace zmx::xio {

id_table<handle>& handle_table() {
    static auto* table = new id_table<handle>;  // handles may be closed during exit
    return *table;
}

std::shared_ptr<handle> find_handle(int fd) {
    auto h = handle_table().get(fd);
    if (!h)
        errno = EBADF;
    return h;
}

} // namespace zmx::xio

using namespace zmx;
using namespace zmx::xio;

extern "C" {

int xlisten(const char* sockaddr) {
    address a;
    if (parse_listen_address(sockaddr, a) < 0 || probe_listen_address(a) < 0)
        return -1;
    return handle_table().add(std::make_shared<listener>(std::move(a)));
}

int xconnect(const char* sockaddr) {
    address a;
    if (parse_connect_address(sockaddr, a) < 0)
        return -1;
    return handle_table().add(std::make_shared<connector>(std::move(a)));
}

int xaccept(int fd) {
    auto h = find_handle(fd);
    std::shared_ptr<handle> connection;
    if (!h || h->accept(connection) < 0)
        return -1;
    return handle_table().add(std::move(connection));
}

int xsend(int fd, char* ubuf_data) {
    auto h = find_handle(fd);
    if (!h)
        return -1;
    ubuf* u = ubuf_find(ubuf_data);
    return u ? h->send(u) : -1;
}

int xrecv(int fd, char** out) {
    auto h = find_handle(fd);
    if (!h)
        return -1;
    if (!out)
        return fail(EINVAL);
    return h->recv(out);
}

int xclose(int fd) {
    auto h = find_handle(fd);
    if (!h)
        return -1;
    if (h->owned_by_endpoint())
        return fail(EBUSY);  // sp_rm takes it back from its endpoint, and closes it
    handle_table().remove(fd);
    h->close();
    return 0;
}

int xsetopt(int fd, int opt, void* optval, int optlen) {
    auto h = find_handle(fd);
    return h ? h->setopt(opt, optval, optlen) : -1;
}

int xgetopt(int fd, int opt, void* optval, int* optlen) {
    auto h = find_handle(fd);
    return h ? h->getopt(opt, optval, optlen) : -1;
}

} // extern "C"
