#include "transport/connect_handle.hpp"

#include "transport/session.hpp"

namespace zmx {

void connect_handle::cancel() {
    worker_.loop().post([self = shared_from_this()] {
        if (self->session_)
            self->session_->cancel();
    });
}

} // namespace zmx
