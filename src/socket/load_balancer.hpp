// Load-balanced output: each message to the next pipe with room, round-robin,
// all frames of a multipart message to the same pipe.
//
// Threading: the owning socket's thread.
#pragma once

#include "socket/pipe_set.hpp"

namespace zmx {

class msg;

class load_balancer {
public:
    void attach(pipe* p) { pipes_.add_active(p); }
    void activated(pipe* p) { pipes_.activate(p); }
    void terminated(pipe* p);

    // 0 when taken (m is left empty, and *to names the pipe), or -1 with
    // EAGAIN when no pipe has room.
    int send(msg& m, pipe** to = nullptr);
    bool has_out();

private:
    pipe_set pipes_;
    bool more_ = false;      // inside a multipart message
    bool dropping_ = false;  // its pipe vanished: drop the remaining frames
};

} // namespace zmx
