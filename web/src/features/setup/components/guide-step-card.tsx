import { Badge, Button, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { GuideStep } from '../api/setup-api.ts';

/** One step of the setup guide; keys this version does not know get a generic text. */
export function GuideStepCard({ step, index }: { step: GuideStep; index: number }) {
  const t = useT();
  const title = t.opt(`guide.steps.${step.key}.title`) ?? t('guide.fallback.title', { key: step.key });
  const description = t.opt(`guide.steps.${step.key}.description`) ?? t('guide.fallback.description');
  const action = t.opt(`guide.steps.${step.key}.action`) ?? t('guide.fallback.action');
  const internal = step.link.startsWith('/') && !step.link.startsWith('/api/');
  // the profile step lives in a section of the company page
  const link = step.key === 'profile' && !step.link.includes('#') ? `${step.link}#profiles` : step.link;
  return (
    <Card withBorder padding="lg" radius="md" data-testid={`guide-step-${step.key}`} data-done={step.done ? 'true' : 'false'}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Group align="flex-start" wrap="nowrap" gap="md">
          <ThemeIcon size={36} radius="xl" color={step.done ? 'green' : 'gray'} variant={step.done ? 'filled' : 'light'}>
            {step.done ? <IconCheck size={20} /> : <IconCircleDashed size={20} />}
          </ThemeIcon>
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600}>
                {index + 1}. {title}
              </Text>
              <Badge color={step.done ? 'green' : 'gray'} variant="light" size="sm">
                {step.done ? t('guide.done') : t('guide.todo')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </Stack>
        </Group>
        {internal ? (
          <Button component={Link} to={link} variant={step.done ? 'default' : 'filled'} style={{ flexShrink: 0 }} data-testid={`guide-action-${step.key}`}>
            {action}
          </Button>
        ) : (
          <Button component="a" href={link} variant={step.done ? 'default' : 'filled'} style={{ flexShrink: 0 }} data-testid={`guide-action-${step.key}`}>
            {action}
          </Button>
        )}
      </Group>
    </Card>
  );
}
