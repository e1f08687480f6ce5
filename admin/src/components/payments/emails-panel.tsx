// The emails sent for the payment (the outbox rows): to whom, what, how it went. A preview only.
import { Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import type { TGetPaymentResponse } from '~/server/api/routers/payments/get-payment.types';
import { emailStatusLabels, omskDateTime } from './format';

export const EmailsPanel = ({ emails, receiptEmail }: { emails: TGetPaymentResponse['emails']; receiptEmail: string | null }) => {
  if (emails.length === 0)
    return (
      <Text>
        {receiptEmail ? `Писем не отправлено (квитанцию просили на ${receiptEmail}).` : 'Письма не отправлялись: резидент не просил квитанцию по почте.'}
      </Text>
    );
  return (
    <TableScrollContainer minWidth={700} type="native" tabIndex={0}>
      <Table striped verticalSpacing={4} data-testid="emails">
        <TableThead>
          <TableTr>
            <TableTh>Когда (Омск)</TableTh>
            <TableTh>Кому</TableTh>
            <TableTh>Тема</TableTh>
            <TableTh>Статус</TableTh>
            <TableTh>Начало письма</TableTh>
          </TableTr>
        </TableThead>
        <TableTbody>
          {emails.map((email) => (
            <TableTr key={email.id}>
              <TableTd className="num">{omskDateTime(email.sentAt ?? email.createdAt, { seconds: true })}</TableTd>
              <TableTd>{email.to}</TableTd>
              <TableTd>
                {email.subject}
                {email.attachmentName ? (
                  <Text size="xs" c="dimmed">
                    вложение: {email.attachmentName}
                  </Text>
                ) : null}
              </TableTd>
              <TableTd>
                {emailStatusLabels[email.status]}
                {email.lastError ? (
                  <Text size="xs" c="red.9">
                    {email.lastError}
                  </Text>
                ) : null}
              </TableTd>
              <TableTd>
                <Text size="xs" lineClamp={2}>
                  {email.preview}
                </Text>
              </TableTd>
            </TableTr>
          ))}
        </TableTbody>
      </Table>
    </TableScrollContainer>
  );
};
