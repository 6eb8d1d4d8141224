#include "socket/fair_queue.hpp"

#include "base/error.hpp"
#include "base/msg.hpp"
#include "io/pipe.hpp"

namespace zmx {

void fair_queue::terminated(pipe* p) {
    pipes_.remove(p);
    if (reading_ == p)
        reading_ = nullptr;
}

int fair_queue::recv(msg& m, pipe** from) {
    while (pipes_.active() > 0) {
        pipe* p = pipes_.current();
        if (p->read(m)) {
            if (from)
                *from = p;
            if (m.has(msg::more)) {
                reading_ = p;
            } else {
                reading_ = nullptr;
                pipes_.advance();
            }
            return 0;
        }
        // The rest of a multipart message is always there once its first
        // frame is visible, unless the peer vanished mid-message.
        reading_ = nullptr;
        pipes_.deactivate_current();
    }
    return fail(EAGAIN);
}

bool fair_queue::has_in() {
    return reading_ || pipes_.find_ready([](pipe* p) { return p->check_read(); });
}

} // namespace zmx
