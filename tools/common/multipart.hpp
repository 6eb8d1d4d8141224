// Whole messages as lists of frames, for the paths where copying the bytes
// does not matter (control requests, monitor events, the shell client).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace zmx_tools {

using frames = std::vector<std::string>;

// Receives every frame of the next message into `message`. False, with
// zmq_errno() telling why (EAGAIN for none yet), if there was none.
bool receive_frames(void* socket, frames& message, int flags = 0);

// Sends the frames as one message. False, with zmq_errno() telling why, if
// the first frame was refused (the rest of a message is never refused).
bool send_frames(void* socket, const frames& message, int flags = 0);

// Answers every request waiting on a REP socket, without waiting: a reply
// to a requester still connected never waits, one to a requester that has
// gone is let go.
void answer_waiting(void* rep, const std::function<std::string(const frames&)>& answer);

}  // namespace zmx_tools
