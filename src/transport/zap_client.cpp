#include "transport/zap_client.hpp"

#include "base/msg.hpp"
#include "transport/inproc.hpp"

namespace zmx {

namespace {

constexpr const char* zap_endpoint = "zeromq.zap.01";

}  // namespace

bool zap_client::send(inproc_registry& registry, const std::shared_ptr<command_mailbox>& mailbox, pipe_owner& owner,
                      const zmtp::frame_list& request) {
    close();
    // No high-water marks: one request and one reply.
    pipe_ = registry.connect_if_bound(zap_endpoint, inproc_peer{mailbox, 0, 0, false, {}, {}, {}});
    if (!pipe_)
        return false;
    pipe_->attach(&owner);
    pipe_->announce_routing_id("");
    for (size_t i = 0; i < request.size(); ++i) {
        msg frame;
        if (frame.init_copy_of(request[i].data(), request[i].size()) < 0)
            return false;
        if (i + 1 < request.size())
            frame.set(msg::more);
        if (!pipe_->write(frame)) {
            frame.close();
            close();
            return false;
        }
    }
    // A pipe's reader starts awake: only a look that finds nothing makes
    // the handler's reply wake us. If the reply beat us to it, wake
    // ourselves, so that it is taken once the engine waits for it.
    if (pipe_->check_read()) {
        command wake{command::kind::activate_read, pipe_};
        mailbox->post(wake);
    }
    return true;
}

bool zap_client::take_reply(zmtp::frame_list& reply) {
    if (!pipe_)
        return false;
    msg frame;
    frame.init();
    while (pipe_->read(frame)) {
        partial_.emplace_back(static_cast<const char*>(frame.data()), frame.size());
        if (!frame.has(msg::more)) {
            frame.close();
            reply = std::move(partial_);
            partial_.clear();
            return true;
        }
    }
    frame.close();
    return false;
}

void zap_client::close() {
    if (!pipe_)
        return;
    pipe_->terminate(0);
    pipe_->attach(nullptr);  // commands still on their way find no owner
    pipe_.reset();
    partial_.clear();
}

} // namespace zmx
