#pragma once

#include <QWidget>

class QLineEdit;

// A file path typed or picked with "Browse…": the TLS certificate and key of the settings.
class FilePathField : public QWidget
{
    Q_OBJECT

public:
    // caption: the file dialog's title.
    explicit FilePathField(const QString &caption, QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    QLineEdit *lineEdit() const { return m_edit; }

private:
    void browse();

    QString m_caption;
    QLineEdit *m_edit;
};
