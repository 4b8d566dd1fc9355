#pragma once

#include "SetupPage.h"

// What HomeWarden does, and what the wizard will change on this computer.
class WelcomePage : public SetupPage
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
};
