// ZMQ_RADIO (RFC 48): each message goes to the peers that joined its group,
// never blocking; a peer whose queue is full misses it (unless
// ZMQ_XPUB_NODROP, then EAGAIN). Joins and leaves arrive from the peers in
// message form (msg::join, msg::leave); anything else a peer sends is
// dropped. A udp connection gets every message: the DISHes behind it
// filter for themselves. Thread-safe and single-part, as socket_base makes every such type.
#include "socket/socket_types.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"
#include "socket/distributor.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace zmx {

namespace {

class radio_socket final : public socket_base {
public:
    explicit radio_socket(context& ctx) : socket_base(ctx, ZMQ_RADIO) { out_.track_drops(&hwm_drops()); }

private:
    void xattach_pipe(pipe* p, bool) override {
        out_.attach(p);
        if (p->endpoint().starts_with("udp://"))
            udp_pipes_.push_back(p);
        xread_activated(p);  // joins the peer sent before we attached
    }
    void xpipe_terminated(pipe* p) override {
        for (auto it = members_.begin(); it != members_.end();) {
            std::erase(it->second, p);
            it = it->second.empty() ? members_.erase(it) : std::next(it);
        }
        std::erase(udp_pipes_, p);
        out_.terminated(p);
    }
    void xread_activated(pipe* p) override {
        msg m;
        m.init();
        while (p->read(m)) {
            if (m.has(msg::join))
                join(m.group(), p);
            else if (m.has(msg::leave))
                leave(m.group(), p);
        }
        m.close();
    }
    void join(const std::string& group, pipe* p) {
        auto& pipes = members_[group];
        if (std::find(pipes.begin(), pipes.end(), p) == pipes.end())
            pipes.push_back(p);
    }
    void leave(const std::string& group, pipe* p) {
        const auto it = members_.find(group);
        if (it == members_.end())
            return;
        std::erase(it->second, p);
        if (it->second.empty())
            members_.erase(it);
    }
    int xsend(msg& m) override {
        const auto it = members_.find(m.group());
        const std::vector<pipe*>* chosen = it == members_.end() ? nullptr : &it->second;
        if (!udp_pipes_.empty()) {
            targets_ = udp_pipes_;
            if (chosen)
                targets_.insert(targets_.end(), chosen->begin(), chosen->end());
            chosen = &targets_;
        }
        if (!chosen) {
            m.close();  // nobody joined: sent to no one
            return 0;
        }
        if (!lossy_ && !out_.all_have_room(chosen))
            return fail(EAGAIN);
        out_.send(m, chosen);
        return 0;
    }
    bool xhas_out() override { return true; }  // as libzmq: a RADIO never blocks
    int xsetsockopt(int option, const void* value, size_t size) override {
        if (size != sizeof(int) || !value || *static_cast<const int*>(value) < 0 || option != ZMQ_XPUB_NODROP)
            return fail(EINVAL);
        lossy_ = *static_cast<const int*>(value) == 0;
        return 0;
    }

    distributor out_;
    std::unordered_map<std::string, std::vector<pipe*>> members_;  // group -> peers that joined it
    std::vector<pipe*> udp_pipes_;
    std::vector<pipe*> targets_;  // udp pipes and members, reused by each send
    bool lossy_ = true;
};

}  // namespace

socket_base* make_radio(context& ctx) { return new radio_socket(ctx); }

} // namespace zmx
