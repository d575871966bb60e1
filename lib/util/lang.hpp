// The language a reader is addressed in: of messages, help texts and labels. Codes, flags and
// JSON keys are never translated.
#pragma once

namespace guazhi {

enum class Lang { zh, en };

} // namespace guazhi
