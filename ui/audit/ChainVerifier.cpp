#include "ChainVerifier.h"

#include <memory>

ChainVerifier::ChainVerifier(const QString &stateDirectory, QObject *parent)
    : QObject(parent)
    , m_stateDirectory(stateDirectory)
{ }

ChainVerifier::~ChainVerifier()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ChainVerifier::start()
{
    if (m_thread)
        return;
    auto result = std::make_shared<AuditLog::Verification>();
    m_thread = QThread::create([directory = m_stateDirectory, result] {
        QString error;
        const std::unique_ptr<AuditLog> log = AuditLog::open(directory, &error);
        if (log)
            *result = log->verify();
        else
            result->reason = error;
    });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished(*result);
    });
    m_thread->start();
}
