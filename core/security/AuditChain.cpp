#include "AuditChain.h"

#include <QtEndian>

namespace {

constexpr quint32 NULL_MARKER = 0xFFFFFFFFu;

template <typename Integer> void appendBigEndian(QByteArray *out, Integer value)
{
    char bytes[sizeof(Integer)];
    qToBigEndian(value, bytes);
    out->append(bytes, sizeof(Integer));
}

} // namespace

QByteArray AuditChain::genesisHash()
{
    return QByteArray(HASH_SIZE, '\0');
}

void AuditChain::beginRow(QByteArray *out, qint64 seq, qint64 ts)
{
    appendBigEndian(out, quint64(seq));
    appendBigEndian(out, quint64(ts));
}

void AuditChain::addText(QByteArray *out, QByteArrayView utf8)
{
    appendBigEndian(out, quint32(utf8.size()));
    out->append(utf8.data(), utf8.size());
}

void AuditChain::addNull(QByteArray *out)
{
    appendBigEndian(out, NULL_MARKER);
}

AuditChain::AuditChain()
    : m_sha(QCryptographicHash::Sha256)
{ }

QByteArrayView AuditChain::hash(QByteArrayView previousHash, QByteArrayView canonicalRow)
{
    m_sha.reset();
    m_sha.addData(previousHash);
    m_sha.addData(canonicalRow);
    return m_sha.resultView();
}
