//! What a request between teams says of itself.

use super::{Dependency, DependencyState};
use crate::core::time::Timestamp;

impl Dependency {
    /// When the request last moved: asked, answered (a reopening too) or delivered. A
    /// delivery time on a request that is not delivered (a file made elsewhere) counts for
    /// nothing.
    pub fn latest(&self) -> Timestamp {
        let delivered = self
            .delivered_at
            .filter(|_| self.state == DependencyState::Delivered);
        [self.answered_at, delivered]
            .into_iter()
            .flatten()
            .fold(self.requested_at, Timestamp::max)
    }
}
