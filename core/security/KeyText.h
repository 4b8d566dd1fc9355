#pragma once

#include "Role.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The text of an API key, `hwk_{role}_{seq:03d}_{secret}`: `hwk_{role}_{seq}` is the public id,
// the secret is base62 from the system CSPRNG. Only hashSecret() of it is ever stored.
namespace KeyText {

struct Parts
{
    QString id;
    Role role;
    int seq;
    QString secret;
};

// A new key text for the given role and sequence number (secret: 32 base62 chars, ~190 bits).
Parts generate(Role role, int seq);
QString compose(const Parts &parts);

// Splits a presented key. nullopt and *error ("The key is malformed: ...") when it is not one.
std::optional<Parts> parse(const QString &text, QString *error = nullptr);

// The stored form of a secret: SHA-256 over the id and the secret. The secret is 190 random
// bits, so no slow hash is needed against guessing.
QByteArray hashSecret(const QString &id, const QString &secret);

// Compares in time independent of where the inputs differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace KeyText
