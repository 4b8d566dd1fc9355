#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>

// The hash chain of the audit trail, defined here once for the writer (AuditTrail) and the
// verifier (AuditLog), so that the two can never disagree on what a row's hash covers.
//
// hash(row n) = SHA-256(hash(row n-1) ‖ canonical(row n)); before row 1 stand 32 zero bytes.
// canonical(row) = seq and ts as 8-byte big-endian integers, then event, key_id, source,
// action, target, result, reason and params as stored (UTF-8): each a 4-byte big-endian byte
// count followed by its bytes, or FF FF FF FF for NULL. The counts fix every field boundary,
// so no text can move bytes from one field into the next and keep the hash; NULL and '' differ.
class AuditChain
{
public:
    static constexpr int HASH_SIZE = 32;
    static constexpr int TEXT_FIELDS = 8;

    // The hash that row 1 follows.
    static QByteArray genesisHash();

    // Append canonical(row) to *out: beginRow(), then the TEXT_FIELDS text fields in the
    // order above, each with addText() or addNull().
    static void beginRow(QByteArray *out, qint64 seq, qint64 ts);
    static void addText(QByteArray *out, QByteArrayView utf8);
    static void addNull(QByteArray *out);

    AuditChain();

    // SHA-256(previousHash ‖ canonicalRow). The view stays valid until the next call.
    QByteArrayView hash(QByteArrayView previousHash, QByteArrayView canonicalRow);

private:
    QCryptographicHash m_sha;
};
