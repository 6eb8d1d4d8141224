#include "socket/load_balancer.hpp"

#include "base/error.hpp"
#include "base/msg.hpp"
#include "io/pipe.hpp"

namespace zmx {

void load_balancer::terminated(pipe* p) {
    if (more_ && pipes_.active() > 0 && pipes_.current() == p)
        dropping_ = true;
    pipes_.remove(p);
}

int load_balancer::send(msg& m, pipe** to) {
    const bool more = m.has(msg::more);
    if (dropping_) {
        more_ = dropping_ = more;
        m.close();
        return 0;
    }
    while (pipes_.active() > 0) {
        pipe* p = pipes_.current();
        if (p->write(m)) {
            if (to)
                *to = p;
            more_ = more;
            if (!more)
                pipes_.advance();
            return 0;
        }
        pipes_.deactivate_current();
    }
    return fail(EAGAIN);
}

bool load_balancer::has_out() {
    return more_ || pipes_.find_ready([](pipe* p) { return p->check_write(); });
}

} // namespace zmx
