// ZMQ_PUB: an XPUB that keeps subscriptions to itself and cannot receive.
#include "socket/socket_types.hpp"
#include "socket/xpub.hpp"

#include "base/error.hpp"

namespace zmx {

namespace {

class pub_socket final : public xpub_socket {
public:
    explicit pub_socket(context& ctx) : xpub_socket(ctx, ZMQ_PUB) {}

private:
    int xrecv(msg&) override { return fail(ENOTSUP); }
    bool xhas_in() override { return false; }
};

}  // namespace

socket_base* make_pub(context& ctx) { return new pub_socket(ctx); }

} // namespace zmx
