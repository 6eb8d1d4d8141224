// Fair-queued input: takes a message from each pipe with one in turn, and
// the frames of a multipart message from the same pipe.
//
// Threading: the owning socket's thread.
#pragma once

#include "socket/pipe_set.hpp"

namespace zmx {

class msg;

class fair_queue {
public:
    void attach(pipe* p) { pipes_.add_active(p); }
    void activated(pipe* p) { pipes_.activate(p); }
    void terminated(pipe* p);

    // 0 with a frame in m (and its pipe in *from), or -1 with EAGAIN.
    int recv(msg& m, pipe** from = nullptr);
    bool has_in();

private:
    pipe_set pipes_;
    pipe* reading_ = nullptr;  // the pipe a multipart message is being read from
};

} // namespace zmx
