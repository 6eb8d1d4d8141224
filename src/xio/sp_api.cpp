// C entry points of <xio/sp.h>: the sp endpoints.
#include "base/error.hpp"
#include "xio/id_table.hpp"
#include "xio/plain_endpoint.hpp"
#include "xio/rep_endpoint.hpp"
#include "xio/req_endpoint.hpp"
#include "xio/ubuf.hpp"

#include <xio/sp_reqrep.h>

namespace zmx::xio {

namespace {

id_table<endpoint>& endpoints() {
    static auto* table = new id_table<endpoint>;  // endpoints may be closed during exit
    return *table;
}

} // namespace

std::shared_ptr<endpoint> endpoint::create(int family, int type) {
    if (family == SP_REQREP && type == SP_REQ)
        return req_endpoint::make();
    if (family == SP_REQREP && type == SP_REP)
        return rep_endpoint::make();
    return plain_endpoint::make(family, type);
}

std::shared_ptr<endpoint> find_endpoint(int eid) {
    auto e = endpoints().get(eid);
    if (!e)
        errno = EBADF;
    return e;
}

} // namespace zmx::xio

using namespace zmx;
using namespace zmx::xio;

extern "C" {

int sp_endpoint(int sp_family, int sp_type) {
    auto e = endpoint::create(sp_family, sp_type);
    return e ? endpoints().add(std::move(e)) : -1;
}

int sp_close(int eid) {
    auto e = endpoints().remove(eid);
    if (!e)
        return fail(EBADF);
    e->close();
    return 0;
}

int sp_send(int eid, char* ubuf_data) {
    auto e = find_endpoint(eid);
    if (!e)
        return -1;
    ubuf* u = ubuf_find(ubuf_data);
    return u ? e->send(u) : -1;
}

int sp_recv(int eid, char** out) {
    auto e = find_endpoint(eid);
    if (!e)
        return -1;
    if (!out)
        return fail(EINVAL);
    return e->recv(out);
}

int sp_add(int eid, int fd) {
    auto e = find_endpoint(eid);
    return e ? e->add(fd) : -1;
}

int sp_rm(int eid, int fd) {
    auto e = find_endpoint(eid);
    return e ? e->remove(fd) : -1;
}

int sp_setopt(int eid, int opt, void* optval, int optlen) {
    auto e = find_endpoint(eid);
    return e ? e->setopt(opt, optval, optlen) : -1;
}

int sp_getopt(int eid, int opt, void* optval, int* optlen) {
    auto e = find_endpoint(eid);
    return e ? e->getopt(opt, optval, optlen) : -1;
}

} // extern "C"
