#pragma once

#include <QString>

// Text that clients and people chose (key names, targets, reasons, addresses), made safe to
// show: nothing in it may move a terminal's cursor, recolour it, reorder the text around it
// (bidi overrides) or break a table row or cell.
namespace UntrustedText {

// Replaces every control, format and line or paragraph separator character with a space.
QString printable(const QString &text);

} // namespace UntrustedText
