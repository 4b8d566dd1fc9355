#include "FilePathField.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

FilePathField::FilePathField(const QString &caption, QWidget *parent)
    : QWidget(parent)
    , m_caption(caption)
    , m_edit(new QLineEdit(this))
{
    m_edit->setPlaceholderText(tr("none: plain HTTP"));
    m_edit->setClearButtonEnabled(true);
    auto *button = new QPushButton(tr("Browse…"), this);
    connect(button, &QPushButton::clicked, this, &FilePathField::browse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(button);
}

QString FilePathField::path() const
{
    return QDir::fromNativeSeparators(m_edit->text().trimmed());
}

void FilePathField::setPath(const QString &path)
{
    m_edit->setText(QDir::toNativeSeparators(path));
}

void FilePathField::browse()
{
    const QString start = path().isEmpty() ? QDir::homePath() : QFileInfo(path()).absolutePath();
    const QString chosen = QFileDialog::getOpenFileName(
            this, m_caption, start, tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
    if (!chosen.isEmpty())
        setPath(chosen);
}
