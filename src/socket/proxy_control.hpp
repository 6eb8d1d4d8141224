// The control socket of a steerable proxy: its commands, and the
// STATISTICS answer.
//
// Threading: the proxy's thread.
#pragma once

#include "socket/proxy_flow.hpp"

namespace zmx {

enum class proxy_command { pause, resume, terminate, statistics, drain, socket_stats };

// Reads the next command (copied to capture, when there is one, as libzmq
// does): 0, or -1 with errno, EINVAL for a message that is not one frame
// holding a command known here (DRAIN and SOCKET_STATS, zmx_proxy's, only
// when `drains`).
int read_command(socket_base& control, socket_base* capture, bool drains, proxy_command& command);

// Eight frames, each a uint64_t in the host's byte order: the frontend's
// messages in, bytes in, messages out, bytes out, then the backend's.
// 0, or -1 with errno.
int send_statistics(socket_base& control, const socket_traffic& frontend, const socket_traffic& backend);

// SOCKET_STATS: two frames, the frontend's and the backend's struct
// zmx_socket_stats (include/zmx.h), as the library's version lays it out.
// 0, or -1 with errno.
int send_socket_stats(socket_base& control, socket_base& frontend, socket_base& backend);

} // namespace zmx
