#include "socket/drop_tracker.hpp"

#include "socket/monitor.hpp"

#include <zmx.h>

namespace zmx {

// Out of line: the monitor's lock and frames are no part of the send path.
void drop_tracker::began(uint64_t count) { monitor_.emit_values(ZMX_EVENT_DROPPING, {&count, 1}, {}); }

void drop_tracker::ended() {
    const uint64_t count = episode_;
    episode_ = 0;
    monitor_.emit_values(ZMX_EVENT_DROPPING_STOPPED, {&count, 1}, {});
}

} // namespace zmx
