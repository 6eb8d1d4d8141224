// ZMQ_SUB: an XSUB whose subscriptions are set with ZMQ_SUBSCRIBE and
// ZMQ_UNSUBSCRIBE, and which cannot send.
#include "socket/socket_types.hpp"
#include "socket/xsub.hpp"

#include "base/error.hpp"
#include "zmtp/commands.hpp"

namespace zmx {

namespace {

class sub_socket final : public xsub_socket {
public:
    explicit sub_socket(context& ctx) : xsub_socket(ctx, ZMQ_SUB) {}

private:
    int xsend(msg&) override { return fail(ENOTSUP); }
    bool xhas_out() override { return false; }

    int xsetsockopt(int option, const void* value, size_t size) override {
        if (option != ZMQ_SUBSCRIBE && option != ZMQ_UNSUBSCRIBE)
            return socket_base::xsetsockopt(option, value, size);
        if (size > 0 && !value)
            return fail(EINVAL);
        msg request;
        if (zmtp::subscription_message(request, option == ZMQ_SUBSCRIBE,
                                       {static_cast<const uint8_t*>(value), size}) < 0)
            return -1;
        request.set(msg::subscription);
        return xsub_socket::xsend(request);
    }
};

}  // namespace

socket_base* make_sub(context& ctx) { return new sub_socket(ctx); }

} // namespace zmx
