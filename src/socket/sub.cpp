// ZMQ_SUB: an XSUB whose subscriptions are set with ZMQ_SUBSCRIBE and
// ZMQ_UNSUBSCRIBE, and which cannot send.
#include "socket/socket_types.hpp"
#include "socket/xsub.hpp"

#include "base/error.hpp"

#include <cstring>

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
        if (request.init_size(size + 1) < 0)
            return -1;
        auto* bytes = static_cast<unsigned char*>(request.data());
        bytes[0] = option == ZMQ_SUBSCRIBE ? 1 : 0;
        if (size)
            std::memcpy(bytes + 1, value, size);
        return xsub_socket::xsend(request);
    }
};

}  // namespace

socket_base* make_sub(context& ctx) { return new sub_socket(ctx); }

} // namespace zmx
